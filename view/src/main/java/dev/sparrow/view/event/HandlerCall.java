package dev.sparrow.view.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A method the runtime must call, in order: {@code page[handler](event)}, or the method of the custom component
 * instance whose WXML bound it.
 *
 * @param handler the method name as bound in WXML
 * @param event the WeChat event object ({@code type}, {@code timeStamp}, {@code target}, {@code currentTarget},
 *     {@code mark}, {@code detail}, and {@code touches}/{@code changedTouches} for touch events)
 * @param currentTargetId the node id of the element the handler is bound on
 * @param instance the template that bound it: 0 for the page, else a custom component instance of the page
 */
public record HandlerCall(String handler, ObjectNode event, int currentTargetId, int instance) {
  public HandlerCall(String handler, ObjectNode event, int currentTargetId) {
    this(handler, event, currentTargetId, 0);
  }
}
