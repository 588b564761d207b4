import { Greeting } from './utils/format';

interface GlobalData {
  greeting: Greeting;
  launches: number;
}

App<{ globalData: GlobalData }>({
  globalData: { greeting: { name: 'Sparrow', excited: true }, launches: 0 },
  onLaunch() {
    this.globalData.launches += 1;
  },
});
