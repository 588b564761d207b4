package dev.sparrow.view.oracle;

import java.util.ArrayList;
import java.util.List;

/**
 * Two compilers' rules for one stylesheet, aligned in order (longest common subsequence): {@code equal} rules
 * appear in both at the same relative place; the others are only in wcsc's output or only in Sparrow's.
 */
record RuleDiff(String file, List<String> wcsc, List<String> sparrow, int equal, List<String> onlyWcsc,
    List<String> onlySparrow) {

  static RuleDiff of(String file, List<String> wcsc, List<String> sparrow) {
    int n = wcsc.size();
    int m = sparrow.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = wcsc.get(i).equals(sparrow.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String> onlyW = new ArrayList<>();
    List<String> onlyS = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (wcsc.get(i).equals(sparrow.get(j))) {
        i++;
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        onlyW.add(wcsc.get(i++));
      } else {
        onlyS.add(sparrow.get(j++));
      }
    }
    onlyW.addAll(wcsc.subList(i, n));
    onlyS.addAll(sparrow.subList(j, m));
    return new RuleDiff(file, wcsc, sparrow, lcs[0][0], onlyW, onlyS);
  }
}
