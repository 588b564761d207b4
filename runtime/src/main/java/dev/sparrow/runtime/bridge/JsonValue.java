package dev.sparrow.runtime.bridge;

/**
 * A JS value carried as JSON text plus its type tag, so that it comes back with its type ({@code
 * Date} included). Used where values are stored or shipped whole (storage, setData).
 */
public record JsonValue(String type, String json) {}
