package dev.sparrow.runtime.bridge;

/** A Java object exposed to JS as an instance of a declared type ({@code RequestTask}, …). */
public record InstanceRef(String type, int id) {}
