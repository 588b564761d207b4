package dev.sparrow.apis.ui;

import java.util.List;

/** An action sheet the page asked for ({@code wx.showActionSheet}). */
public record ActionSheetRequest(String alertText, List<String> itemList, String itemColor) {
  public ActionSheetRequest {
    itemList = List.copyOf(itemList);
  }
}
