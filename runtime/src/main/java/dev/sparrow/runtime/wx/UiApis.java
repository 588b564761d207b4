package dev.sparrow.runtime.wx;

import static dev.sparrow.runtime.bridge.JsType.ARRAY;
import static dev.sparrow.runtime.bridge.JsType.BOOLEAN;
import static dev.sparrow.runtime.bridge.JsType.NUMBER;
import static dev.sparrow.runtime.bridge.JsType.STRING;

import dev.sparrow.apis.ApiFailure;
import dev.sparrow.apis.Errno;
import dev.sparrow.apis.ui.ActionSheetRequest;
import dev.sparrow.apis.ui.Interaction;
import dev.sparrow.apis.ui.ModalAnswer;
import dev.sparrow.apis.ui.ModalRequest;
import dev.sparrow.runtime.bridge.ApiCall;
import dev.sparrow.runtime.bridge.ApiSpec;
import dev.sparrow.runtime.bridge.JsType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * wx interaction APIs (spec ui-and-storage.md §1–2): {@code showToast}, {@code hideToast}, {@code
 * showLoading}, {@code hideLoading}, {@code showModal}, {@code showActionSheet}, and the navigation
 * bar calls pages make ({@code setNavigationBarTitle}, {@code setNavigationBarColor}, {@code
 * show/hideNavigationBarLoading}); and page calls with nothing to show headless, which succeed: {@code
 * startPullDownRefresh} (runs the page's {@code onPullDownRefresh}), {@code stopPullDownRefresh},
 * {@code pageScrollTo}, {@code hideKeyboard}, {@code showShareMenu}, {@code hideShareMenu}, {@code
 * updateShareMenu}; {@code createSelectorQuery} is declared here and built in the base library.
 * Implementation: {@link Interaction}.
 */
public final class UiApis {
  /** Receives navigation bar changes of the current page (title, colours, loading). */
  public interface NavigationBar {
    void update(Map<String, Object> change);
  }

  private final Interaction interaction;
  private final NavigationBar navigationBar;
  private final PullDownRefresh pullDownRefresh;
  private final PageScroll pageScroll;

  /** The current page's pull-down refresh: {@code start} as if the user pulled (onPullDownRefresh), {@code stop} ends it. */
  public interface PullDownRefresh {
    void start();

    void stop();
  }

  /** The current page's scroll: where it is, and a scroll to {@code scrollTop} px (its onPageScroll). */
  public interface PageScroll {
    double scrollTop();

    void scrollTo(double scrollTop);

    /** Scrolls, then runs {@code done} on the loop (a page with a layout scrolls once its end is known). */
    default void scrollTo(double scrollTop, Runnable done) {
      scrollTo(scrollTop);
      done.run();
    }

    /**
     * Scrolls so that the first element {@code selector} finds has its top {@code offsetTop} px below the page's
     * top, then runs {@code done} on the loop. Without a layout nothing is known where the element is: no scroll.
     */
    default void scrollToSelector(String selector, double offsetTop, Runnable done) {
      done.run();
    }
  }

  public UiApis(Interaction interaction, NavigationBar navigationBar, PullDownRefresh pullDownRefresh) {
    this(interaction, navigationBar, pullDownRefresh, null);
  }

  /** @param pageScroll the current page's scroll, or null when pageScrollTo only answers */
  public UiApis(Interaction interaction, NavigationBar navigationBar, PullDownRefresh pullDownRefresh,
      PageScroll pageScroll) {
    this.interaction = interaction;
    this.navigationBar = navigationBar;
    this.pullDownRefresh = pullDownRefresh;
    this.pageScroll = pageScroll;
  }

  public List<ApiSpec> specs() {
    return List.of(
        ApiSpec.async("showToast")
            .required("title", STRING)
            .optional("icon", STRING, "success")
            .optional("image", STRING)
            .optional("duration", NUMBER, 1500)
            .optional("mask", BOOLEAN, false)
            .handle(this::showToast),
        ApiSpec.async("hideToast").optional("noConflict", BOOLEAN, false).handle(c -> {
          interaction.hideToast(c.bool("noConflict"));
          c.resolve();
        }),
        ApiSpec.async("showLoading").required("title", STRING).optional("mask", BOOLEAN, false).handle(c -> {
          interaction.showLoading(c.string("title"), c.bool("mask"));
          c.resolve();
        }),
        ApiSpec.async("hideLoading").optional("noConflict", BOOLEAN, false).handle(c -> {
          interaction.hideLoading(c.bool("noConflict"));
          c.resolve();
        }),
        ApiSpec.async("showModal")
            .optional("title", STRING, "")
            .optional("content", STRING, "")
            .optional("showCancel", BOOLEAN, true)
            .optional("cancelText", STRING, "取消")
            .optional("cancelColor", STRING, "#000000")
            .optional("confirmText", STRING, "确定")
            .optional("confirmColor", STRING, "#576B95")
            .optional("editable", BOOLEAN, false)
            .optional("placeholderText", STRING, "")
            .returns("confirm", "cancel", "content")
            .handle(this::showModal),
        ApiSpec.async("showActionSheet")
            .required("itemList", ARRAY)
            .optional("itemColor", STRING, "#000000")
            .optional("alertText", STRING)
            .returns("tapIndex")
            .handle(this::showActionSheet),
        ApiSpec.async("setNavigationBarTitle").required("title", STRING).handle(c -> bar(c, Map.of("title", c.string("title")))),
        ApiSpec.async("setNavigationBarColor")
            .required("frontColor", STRING)
            .required("backgroundColor", STRING)
            .optional("animation", JsType.OBJECT)
            .handle(this::navigationBarColor),
        ApiSpec.async("showNavigationBarLoading").handle(c -> bar(c, Map.of("loading", true))),
        ApiSpec.async("hideNavigationBarLoading").handle(c -> bar(c, Map.of("loading", false))),
        ApiSpec.async("startPullDownRefresh").handle(c -> {
          c.resolve();
          pullDownRefresh.start();
        }),
        ApiSpec.async("stopPullDownRefresh").handle(c -> {
          pullDownRefresh.stop();
          c.resolve();
        }),
        ApiSpec.async("pageScrollTo").optional("scrollTop", NUMBER).optional("selector", STRING).optional("duration", NUMBER, 300)
            .optional("offsetTop", NUMBER).handle(this::pageScrollTo),
        ApiSpec.async("hideKeyboard").handle(ApiCall::resolve),
        ApiSpec.async("showShareMenu").optional("withShareTicket", BOOLEAN, false).optional("menus", ARRAY).handle(ApiCall::resolve),
        ApiSpec.async("hideShareMenu").optional("menus", ARRAY).handle(ApiCall::resolve),
        ApiSpec.async("updateShareMenu").optional("withShareTicket", BOOLEAN, false).handle(ApiCall::resolve),
        // the query object is built by the base library (sparrow-base.js, SelectorQuery), which replaces this entry
        ApiSpec.sync("createSelectorQuery").handleSync(c -> null));
  }

  /**
   * {@code scrollTop}: the page scrolls there (not below 0) and its {@code onPageScroll} runs, unless it is there
   * already. With a layout (the simulator's tab, {@code --layout browser}) the offset stops at the page's end and
   * {@code onReachBottom} runs on arriving within {@code onReachBottomDistance}; without one the end is not known (no
   * clamping, no onReachBottom). {@code selector} (used when there is no {@code scrollTop}) scrolls to the first
   * element it finds plus {@code offsetTop}, with the same clamping, when there is a layout; without one, or when
   * it finds nothing, the call succeeds without scrolling (WeChat documents no failure for it).
   */
  private void pageScrollTo(ApiCall c) {
    if (pageScroll != null && c.has("scrollTop")) {
      double top = Math.max(0, c.number("scrollTop"));
      if (top != pageScroll.scrollTop()) {
        pageScroll.scrollTo(top, c::resolve);
        return;
      }
    } else if (pageScroll != null && c.has("selector")) {
      pageScroll.scrollToSelector(c.string("selector"), c.has("offsetTop") ? c.number("offsetTop") : 0, c::resolve);
      return;
    }
    c.resolve();
  }

  private void showToast(ApiCall c) {
    interaction.showToast(c.string("title"), c.string("icon"), c.string("image"), c.longValue("duration"), c.bool("mask"));
    c.resolve();
  }

  private void showModal(ApiCall c) {
    ModalRequest request = new ModalRequest(
        c.string("title"), c.string("content"), c.bool("showCancel"), c.string("cancelText"), c.string("cancelColor"),
        c.string("confirmText"), c.string("confirmColor"), c.bool("editable"), c.string("placeholderText"));
    boolean editable = request.editable();
    interaction.showModal(request).whenComplete((ModalAnswer a, Throwable t) -> {
      if (t != null) {
        c.reject(failureOf(t));
        return;
      }
      Map<String, Object> res = new LinkedHashMap<>();
      res.put("confirm", a.confirm());
      res.put("cancel", a.cancel());
      if (editable) {
        res.put("content", a.content());
      }
      c.resolve(res);
    });
    c.awaitUser();
  }

  private void showActionSheet(ApiCall c) {
    ActionSheetRequest request = new ActionSheetRequest(c.string("alertText"), c.strings("itemList"), c.string("itemColor"));
    interaction.showActionSheet(request).whenComplete((Integer index, Throwable t) -> {
      if (t != null) {
        c.reject(failureOf(t));
      } else {
        c.resolve(Map.of("tapIndex", index));
      }
    });
    c.awaitUser();
  }

  private void navigationBarColor(ApiCall c) {
    String front = c.string("frontColor");
    if (!front.equalsIgnoreCase("#ffffff") && !front.equalsIgnoreCase("#000000")) {
      throw ApiFailure.of("invalid frontColor \"" + front + "\"");
    }
    bar(c, Map.of("frontColor", front, "backgroundColor", c.string("backgroundColor")));
  }

  private void bar(ApiCall c, Map<String, Object> change) {
    navigationBar.update(change);
    c.resolve();
  }

  private static ApiFailure failureOf(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return cause instanceof ApiFailure f ? f : ApiFailure.of("internal error", Errno.INTERNAL_ERROR);
  }

  /** Convenience for hosts: a listener-less navigation bar. */
  public static NavigationBar ignoreNavigationBar() {
    return change -> {};
  }
}
