import Toast from 'tdesign-miniprogram/toast/index';
import Message from 'tdesign-miniprogram/message/index';
import ActionSheet, { ActionSheetTheme } from 'tdesign-miniprogram/action-sheet/index';

Page({
  data: {
    popup: false, dialog: false, calendar: false, picked: '', result: '', event: null,
    swipeActions: [{ text: 'Delete', className: 'swipe-delete' }],
    // the calendar's range: May 2024
    minDate: new Date(2024, 4, 1).getTime(), maxDate: new Date(2024, 4, 31).getTime()
  },
  // every handler keeps the event's type and detail: the test checks they are shaped as TDesign documents them
  keep(e) { this.setData({ event: { type: e.type, detail: e.detail } }); },
  showPopup() { this.setData({ popup: true }); },
  onPopup(e) { this.keep(e); this.setData({ popup: e.detail.visible }); },
  showDialog() { this.setData({ dialog: true }); },
  onConfirm(e) { this.keep(e); this.setData({ dialog: false, result: 'confirmed' }); },
  onCancel(e) { this.keep(e); this.setData({ dialog: false, result: 'cancelled' }); },
  toast() { Toast({ context: this, selector: '#t-toast', message: 'Saved' }); },
  message() { Message.info({ context: this, offset: [20, 32], duration: 3000, content: 'Sent' }); },
  showSheet() {
    ActionSheet.show({
      theme: ActionSheetTheme.List, selector: '#t-action-sheet', context: this,
      items: [{ label: 'Share' }, { label: 'Copy link' }]
    });
  },
  onSelect(e) { this.keep(e); this.setData({ result: 'picked ' + e.detail.selected.label }); },
  onSwipe(e) { this.keep(e); this.setData({ result: 'swipe ' + e.detail.text }); },
  showCalendar() { this.setData({ calendar: true }); },
  onCalendar(e) {
    this.keep(e);
    const day = new Date(e.detail.value);
    this.setData({ calendar: false, picked: (day.getMonth() + 1) + '/' + day.getDate() });
  },
  closeCalendar() { this.setData({ calendar: false }); }
});
