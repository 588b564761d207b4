Component({
  options: { virtualHost: true },
  externalClasses: ['class'],
  properties: { style: { type: String, value: '' }, label: String }
});
