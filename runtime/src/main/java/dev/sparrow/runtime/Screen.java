package dev.sparrow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.apis.system.DeviceProfile;
import dev.sparrow.runtime.project.Project;
import dev.sparrow.runtime.wx.CanvasApis;
import dev.sparrow.view.tree.Patch;
import dev.sparrow.view.tree.VElement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * A front-end that paints the session (the browser simulator): told about every page render, route
 * change and navigation-bar change. Registered with {@link SessionOptions#screen(Screen)}; called on
 * the session thread, so it must not block (serialize and hand off).
 */
public interface Screen extends CanvasApis.Display {
  /** A page shown in the stack, as {@link #routeChanged} lists it. */
  record PageRef(int pageId, String route) {}

  /** The session starts (before its first page): the project it runs, on the device it simulates. */
  default void started(Project project, DeviceProfile device) {}

  /**
   * A page was rendered for the first time.
   *
   * @param window the page's effective window config (app.json {@code window} + the page's json)
   * @param navigationBar title, frontColor, backgroundColor, loading
   */
  default void pageOpened(int pageId, String route, VElement root, Map<String, Object> window, Map<String, Object> navigationBar) {}

  /** A {@code setData} changed the page's tree; apply {@code patches} in order. */
  default void pagePatched(int pageId, List<Patch> patches) {}

  /** The page was unloaded; its tree is gone. */
  default void pageClosed(int pageId) {}

  /** The page stack changed ({@code openType}: appLaunch, navigateTo, navigateBack, switchTab…); the last page shows. */
  default void routeChanged(String openType, List<PageRef> stack) {}

  /** {@code setNavigationBarTitle}/{@code Color}/loading changed the page's bar; {@code bar} is the whole new state. */
  default void navigationBarChanged(int pageId, Map<String, Object> bar) {}

  /**
   * What users did to built-in components changed after an interaction (typed text cut to
   * {@code maxlength} or replaced by the handler, a toggled checkbox, a radio group…): node id →
   * property ({@code value}, {@code checked}) → its effective value now.
   */
  default void controlsChanged(int pageId, Map<Integer, Map<String, JsonNode>> controls) {}

  /**
   * The tab bar changed ({@code setTabBarBadge}, {@code setTabBarItem}, {@code hideTabBar}…): {@code state} is the
   * whole new state, {@code items} (pagePath, text, iconPath, selectedIconPath, badge, redDot), {@code style},
   * {@code hidden}.
   */
  default void tabBarChanged(Map<String, Object> state) {}

  /**
   * The app loaded a font ({@code wx.loadFontFace}): {@code source} as the page gave it (a URL, maybe inside
   * {@code url("…")}), {@code desc} its {@code FontFaceDescriptors} (style, weight, variant).
   */
  default void fontLoaded(String family, String source, Map<String, Object> desc) {}

  /** The page's pull-down refresh started (the loading dots show) or stopped ({@code wx.stopPullDownRefresh}). */
  default void pullDownRefreshChanged(int pageId, boolean refreshing) {}

  /**
   * A SelectorQuery wants the layout of elements of page {@code pageId}: {@code request} is JSON {@code {nodes:
   * [node ids], viewport: bool}}; the answer is JSON {@code {nodes: {id: box}, viewport: box}} (box: left, top,
   * right, bottom, width, height, scrollLeft, scrollTop, scrollWidth, scrollHeight, clientWidth, clientHeight, in
   * px). Null when this screen has no layout to offer (nothing shows the page).
   */
  default CompletionStage<String> measure(int pageId, String request) {
    return null;
  }

  /** Page code ({@code wx.pageScrollTo}) or a driver scrolled page {@code pageId} to {@code scrollTop} px. */
  default void pageScrolledTo(int pageId, double scrollTop) {}

  /**
   * Whether this screen plays the {@code animation} attribute's steps now and reports each step's {@code
   * transitionend} (a browser is connected); if none does, the session fires them on its clock.
   */
  default boolean playsAnimations() {
    return false;
  }

  /**
   * Whether this screen's browser fires {@code <image>} {@code load}/{@code error} for the pages it shows (now or once a
   * tab connects and paints them); if none does, the session fires them when a render sets a {@code src}.
   */
  default boolean firesImageEvents() {
    return playsAnimations();
  }

  /**
   * {@code this.animate} on elements {@code nodeIds} of page {@code pageId}: {@code keyframes} as page code gave them
   * (offset, ease and WeChat's keyframe properties, see {@code dev.sparrow.view.animation.AnimationSteps#keyframe}),
   * over {@code duration} ms; the last keyframe's style stays until {@link #animationCleared}.
   */
  default void animated(int pageId, List<Integer> nodeIds, JsonNode keyframes, long duration) {}

  /** {@code this.clearAnimation}: drop the named keyframe properties ({@code null}: all) from the elements. */
  default void animationCleared(int pageId, List<Integer> nodeIds, Set<String> properties) {}

  /**
   * Canvas node {@code nodeId} of page {@code pageId} drew {@code batch} (JSON commands, see {@code
   * dev.sparrow.apis.canvas.CanvasCommands}; pictures as {@code {src}} or {@code {data}}); {@code legacy}: a
   * {@code canvas-id} canvas, drawn in CSS px at the device's pixel ratio.
   */
  @Override
  default void canvasDrawn(int pageId, int nodeId, boolean legacy, String batch) {}
}
