import Toast from 'tdesign-miniprogram/toast/index';
import ActionSheet, { ActionSheetTheme } from 'tdesign-miniprogram/action-sheet/index';

Page({
  data: { popup: false, dialog: false, result: '', swipeActions: [{ text: 'Delete', className: 'swipe-delete' }] },
  showPopup() { this.setData({ popup: true }); },
  onPopup(e) { this.setData({ popup: e.detail.visible }); },
  showDialog() { this.setData({ dialog: true }); },
  onConfirm() { this.setData({ dialog: false, result: 'confirmed' }); },
  onCancel() { this.setData({ dialog: false, result: 'cancelled' }); },
  toast() { Toast({ context: this, selector: '#t-toast', message: 'Saved' }); },
  showSheet() {
    ActionSheet.show({ theme: ActionSheetTheme.List, selector: '#t-action-sheet', context: this, items: [{ label: 'Share' }, { label: 'Copy link' }] });
  },
  onSelect(e) { this.setData({ result: 'picked ' + e.detail.selected.label }); },
  onSwipe(e) { this.setData({ result: 'swipe ' + e.detail.text }); }
});
