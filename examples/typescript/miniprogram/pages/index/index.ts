import plural, { greet, size, Step } from '../../utils/format';

type Data = { title: string; total: number; label: string; size: string };

Page({
  data: { title: '', total: 0, label: plural(0, 'tap'), size: size(1337) } as Data,
  onLoad() {
    const app = getApp<{ globalData: { greeting: { name: string; excited?: boolean } } }>();
    this.setData({ title: greet(app.globalData.greeting) });
  },
  onCount(e: WechatMiniprogram.CustomEvent<{ value: number }>) {
    const total: number = e.detail.value;
    this.setData({ total, label: plural(total, 'tap') });
  },
  crash() {
    const broken: { deep?: { value: number } } = {};
    return broken.deep!.value;
  },
});
