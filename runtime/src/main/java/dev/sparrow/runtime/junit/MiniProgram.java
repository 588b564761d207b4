package dev.sparrow.runtime.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test against a fresh session of a mini program; declare a {@link
 * dev.sparrow.runtime.Session} parameter to get it. The session is idle when the test starts and
 * closed after it.
 *
 * <pre>{@code
 * @MiniProgram("examples/quickstart")
 * class IndexPageTest {
 *   @Test
 *   void countsTaps(Session s) {
 *     s.currentPage().callMethod("increment");
 *     assertThat(s.currentPage().data("count")).isEqualTo(1);
 *   }
 * }
 * }</pre>
 *
 * A relative path is looked up from the working directory and each of its parents, so the same
 * test works from a module folder and from the repository root.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SparrowExtension.class)
public @interface MiniProgram {
  /** The project folder. */
  String value();

  /** Use a virtual clock ({@link dev.sparrow.runtime.Session#advance}). */
  boolean virtualClock() default false;

  /** Launch at this page (with query) instead of the entry page. */
  String launchUrl() default "";
}
