package dev.sparrow.view.component;

/**
 * A navigation a tapped {@code <navigator>} asks for; the runtime executes it like the matching wx API.
 *
 * @param url the {@code url} attribute as written (relative URLs resolve against the current page, as in wx APIs)
 * @param openType {@code navigate} (default), {@code redirect}, {@code switchTab}, {@code reLaunch},
 *     {@code navigateBack} or {@code exit}
 * @param delta pages to go back for {@code navigateBack} (default 1)
 */
public record NavigationRequest(String url, String openType, int delta) {}
