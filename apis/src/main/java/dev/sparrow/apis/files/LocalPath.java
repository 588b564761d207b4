package dev.sparrow.apis.files;

/**
 * A local path a page handed to a file API, parsed: which area it names and where inside it.
 *
 * @param area the file class (spec files.md §1)
 * @param path the path as the page wrote it
 * @param relative inside the area: the file name for temp and saved files; the normalised
 *     slash-separated path for user and package files ({@code ""} is the user-data root)
 */
public record LocalPath(Area area, String path, String relative) {
  /** The areas of spec files.md §1. */
  public enum Area {
    /** Temp files of this session ({@code wxfile://tmp_…}); read-only for pages. */
    TEMP,
    /** Saved (cache) files of the appid ({@code wxfile://store_…}); read-only for pages. */
    STORE,
    /** User files of the appid ({@code wxfile://usr/…}); the only writable area. */
    USER,
    /** Files of the code package ({@code /a/b.png}); read-only. */
    PACKAGE
  }

  public boolean isUserRoot() {
    return area == Area.USER && relative.isEmpty();
  }
}
