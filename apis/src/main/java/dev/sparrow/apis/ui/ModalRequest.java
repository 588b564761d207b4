package dev.sparrow.apis.ui;

/**
 * A modal dialog the page asked for ({@code wx.showModal}), with WeChat's defaults filled in.
 *
 * @param editable when true the dialog has an input and the answer carries its text
 */
public record ModalRequest(
    String title,
    String content,
    boolean showCancel,
    String cancelText,
    String cancelColor,
    String confirmText,
    String confirmColor,
    boolean editable,
    String placeholderText) {}
