package dev.sparrow.view.event;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A page method the runtime must call, in order: {@code page[handler](event)}.
 *
 * @param handler the method name as bound in WXML
 * @param event the WeChat event object ({@code type}, {@code timeStamp}, {@code target}, {@code currentTarget},
 *     {@code mark}, {@code detail}, and {@code touches}/{@code changedTouches} for touch events)
 * @param currentTargetId the node id of the element the handler is bound on
 */
public record HandlerCall(String handler, ObjectNode event, int currentTargetId) {}
