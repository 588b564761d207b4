package dev.sparrow.apis.media;

/**
 * What {@code wx.getImageInfo} reports about an image (spec media.md §3): stored pixel size
 * (rotation ignored), WeChat's orientation name and type name.
 */
public record ImageInfo(int width, int height, String orientation, String type) {}
