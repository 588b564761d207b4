package dev.sparrow.runtime.bridge;

import java.util.Map;

/**
 * A result object that has methods in JS: plain {@code fields}, with the base library's prototype
 * for {@code type} (e.g. FileSystemManager's {@code Stats}, whose {@code isFile()} and {@code
 * isDirectory()} read {@code mode}). The methods are not own properties, so JSON and console show
 * only the fields, as in WeChat. Prototypes are listed in {@code sparrow-base.js} ({@code
 * resultProtos}).
 */
public record TypedObject(String type, Map<String, Object> fields) {}
