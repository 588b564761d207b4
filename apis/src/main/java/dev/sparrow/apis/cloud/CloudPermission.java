package dev.sparrow.apis.cloud;

import java.util.Locale;

/**
 * A collection's simple permission mode as the mini program (client) side sees it, named as the cloud's ACL tags
 * are. The server side (cloud functions) is not bound by them. WeChat's default for a new collection is
 * {@link #PRIVATE}.
 */
public enum CloudPermission {
  /** 所有用户可读，仅创建者可读写: everyone reads, the creator ({@code _openid}) writes. */
  READONLY(true, true, false),
  /** 仅创建者可读写: the creator reads and writes; others see nothing. */
  PRIVATE(false, true, false),
  /** 所有用户可读: everyone reads, nobody writes from a mini program. */
  ADMINWRITE(true, false, false),
  /** 所有用户不可读写: nobody reads or writes from a mini program. */
  ADMINONLY(false, false, false),
  /** Not a collection's mode: what a cloud function (wx-server-sdk) may do anywhere, reading and writing all. */
  SERVER(true, true, true);

  /** WeChat's errCode for a refused client operation. */
  public static final int DENIED = -502003;

  private final boolean othersRead;
  private final boolean creatorWrites;
  private final boolean othersWrite;

  CloudPermission(boolean othersRead, boolean creatorWrites, boolean othersWrite) {
    this.othersRead = othersRead;
    this.creatorWrites = creatorWrites;
    this.othersWrite = othersWrite;
  }

  /** {@code READONLY}, {@code private}…; null when not a collection's mode. */
  public static CloudPermission parse(String name) {
    try {
      CloudPermission mode = name == null ? null : valueOf(name.trim().toUpperCase(Locale.ROOT));
      return mode == SERVER ? null : mode;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether a user reads documents others created. */
  public boolean othersRead() {
    return othersRead;
  }

  /** Whether the client reads at all. */
  public boolean clientReads() {
    return this != ADMINONLY;
  }

  /** Whether the client adds documents and changes its own. */
  public boolean creatorWrites() {
    return creatorWrites;
  }

  /** Whether writes reach documents others created. */
  public boolean othersWrite() {
    return othersWrite;
  }

  /** The failure a refused operation reports. */
  public static CloudError denied() {
    return new CloudError(DENIED, "-502003 database permission denied. Permission denied");
  }
}
