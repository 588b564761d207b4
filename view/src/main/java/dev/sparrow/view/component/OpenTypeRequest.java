package dev.sparrow.view.component;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tap on a {@code <button open-type="…">} asks the host for what the open type does ({@code getUserInfo},
 * {@code share}…), after the tap's handlers; the answer is an event on the button.
 *
 * @param button the button's node id
 * @param openType the {@code open-type} attribute as written
 * @param target the button as an event's {@code target} ({@code id}, {@code dataset}, {@code offsetLeft},
 *     {@code offsetTop})
 */
public record OpenTypeRequest(int button, String openType, ObjectNode target) {}
