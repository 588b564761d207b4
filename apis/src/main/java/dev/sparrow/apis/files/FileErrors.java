package dev.sparrow.apis.files;

import dev.sparrow.apis.ApiFailure;

/**
 * The file family's failures (spec files.md §8.1, errno category 13): WeChat's reason texts with
 * their unified errno. Reasons that name a path follow the forms WeChat's client builds ({@code "no
 * such file or directory ${path}"}, {@code "permission denied, open ${path}"}); see
 * docs/decisions.md for the ones no official page confirms.
 */
public final class FileErrors {
  private FileErrors() {}

  public static final int OPERATION_NOT_PERMITTED = 1300001;
  public static final int NO_SUCH_FILE = 1300002;
  public static final int IO_ERROR = 1300005;
  public static final int BAD_FILE_DESCRIPTOR = 1300009;
  public static final int PERMISSION_DENIED = 1300013;
  public static final int PATH_PERMISSION_DENIED = 1300014;
  public static final int NOT_A_DIRECTORY = 1300020;
  public static final int IS_A_DIRECTORY = 1300021;
  public static final int INVALID_ARGUMENT = 1300022;
  public static final int NAME_TOO_LONG = 1300036;
  public static final int DIRECTORY_NOT_EMPTY = 1300066;
  public static final int SYSTEM_ERROR = 1300201;
  public static final int STORAGE_EXCEEDED = 1300202;
  public static final int BASE64_ERROR = 1300203;
  public static final int UNABLE_TO_OPEN_AS_FILETYPE = 1300301;
  public static final int ILLEGAL_OPERATION_ON_DIRECTORY = 1301003;
  public static final int FILE_ALREADY_EXISTS = 1301005;
  public static final int FD_LIMIT = 1302002;

  /** {@code the maximum size of the file storage limit is exceeded} (1300202). */
  public static final String STORAGE_EXCEEDED_TEXT = "the maximum size of the file storage limit is exceeded";

  public static ApiFailure noSuchFile(String path) {
    return ApiFailure.of("no such file or directory " + path, NO_SUCH_FILE);
  }

  /** Writing where the mini program may not write (anything outside {@code USER_DATA_PATH}). */
  public static ApiFailure permissionDenied(String path) {
    return ApiFailure.of("permission denied, open " + path, PERMISSION_DENIED);
  }

  public static ApiFailure notADirectory(String path) {
    return ApiFailure.of("not a directory " + path, NOT_A_DIRECTORY);
  }

  /** A file operation aimed at a directory ({@code readFile}, {@code writeFile}, {@code unlink}…). */
  public static ApiFailure illegalOperationOnDirectory(String path) {
    return ApiFailure.of("illegal operation on a directory, open " + path, ILLEGAL_OPERATION_ON_DIRECTORY);
  }

  public static ApiFailure directoryNotEmpty() {
    return ApiFailure.of("directory not empty", DIRECTORY_NOT_EMPTY);
  }

  public static ApiFailure alreadyExists(String path) {
    return ApiFailure.of("file already exists " + path, FILE_ALREADY_EXISTS);
  }

  public static ApiFailure nameTooLong() {
    return ApiFailure.of("File name too long", NAME_TOO_LONG);
  }

  public static ApiFailure storageExceeded() {
    return ApiFailure.of(STORAGE_EXCEEDED_TEXT, STORAGE_EXCEEDED);
  }

  public static ApiFailure invalidArgument() {
    return ApiFailure.of("Invalid argument", INVALID_ARGUMENT);
  }

  /** The legacy saved-file APIs' reason for a path that is not a saved file. */
  public static ApiFailure fileNotExist() {
    return ApiFailure.of("file not exist", NO_SUCH_FILE);
  }

  public static ApiFailure tempFileNotExist() {
    return ApiFailure.of("tempFilePath file not exist", NO_SUCH_FILE);
  }

  public static ApiFailure systemError() {
    return ApiFailure.of("system error", SYSTEM_ERROR);
  }
}
