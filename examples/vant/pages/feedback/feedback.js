import Dialog from '@vant/weapp/dialog/dialog';
import Toast from '@vant/weapp/toast/toast';
import Notify from '@vant/weapp/notify/notify';

Page({
  data: {
    popup: false, sheet: false, result: '',
    actions: [{ name: 'Share' }, { name: 'Copy link' }, { name: 'Delete', color: '#ee0a24' }]
  },
  showPopup() { this.setData({ popup: true }); },
  hidePopup() { this.setData({ popup: false }); },
  confirm() {
    Dialog.confirm({ title: 'Delete', message: 'Delete this item?' })
      .then(() => this.setData({ result: 'confirmed' }))
      .catch(() => this.setData({ result: 'cancelled' }));
  },
  toast() { Toast('Saved'); },
  loadingToast() { Toast.loading({ message: 'Loading...', forbidClick: true, duration: 0 }); },
  notify() { Notify({ type: 'success', message: 'Sent' }); },
  showSheet() { this.setData({ sheet: true }); },
  hideSheet() { this.setData({ sheet: false }); },
  onSelect(e) { this.setData({ result: 'picked ' + e.detail.name }); },
  onSwipeClose(e) {
    const { position, instance } = e.detail;
    this.setData({ result: 'swipe ' + position });
    instance.close();
  }
});
