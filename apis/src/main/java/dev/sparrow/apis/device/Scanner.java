package dev.sparrow.apis.device;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** The camera as a code scanner ({@code wx.scanCode}): the person points it at a code, or cancels. */
public interface Scanner {
  /**
   * What was read: the text, its kind as WeChat names it ({@code QR_CODE}, {@code EAN_13}, {@code CODE_128},
   * {@code DATA_MATRIX}, {@code PDF_417}, {@code WX_CODE}…) and its character set.
   */
  record Scan(String result, String scanType, String charSet) {}

  /**
   * Scans one code of one of {@code scanTypes} ({@code barCode}, {@code qrCode}, {@code datamatrix},
   * {@code pdf417}; empty means any). Empty when the person cancels.
   */
  CompletionStage<Optional<Scan>> scan(List<String> scanTypes, boolean onlyFromCamera);
}
