import { Step } from '../../utils/format';

Component({
  properties: {
    step: { type: Number, value: Step.One },
  },
  data: { value: 0 },
  methods: {
    tap(): void {
      const value: number = this.data.value + (this.properties.step as number);
      this.setData({ value });
      this.triggerEvent('count', { value });
    },
  },
});
