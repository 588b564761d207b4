/**
 * The view layer: WXML and WXSS compiled by Sparrow, rendered to a virtual tree, driven headlessly.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link dev.sparrow.view.template.WxmlCompiler#compile(String)} — a page's WXML with its imports, includes
 *       and WXS modules, read through {@link dev.sparrow.view.ViewSources}; errors are
 *       {@link dev.sparrow.view.ViewException}s listing {@link dev.sparrow.view.ViewProblem}s (file, line, column).</li>
 *   <li>{@link dev.sparrow.view.PageView#open} — a page instance: data, rendered tree, component state;
 *       {@link dev.sparrow.view.PageView#setData} returns {@link dev.sparrow.view.tree.Patch}es;
 *       {@link dev.sparrow.view.PageView#find}/{@link dev.sparrow.view.PageView#findAll} return
 *       {@link dev.sparrow.view.ElementHandle}s that can {@code tap()}, {@code input(text)}, {@code submit()},
 *       {@code trigger(type, detail)}, each answering an {@link dev.sparrow.view.component.Interaction}
 *       (handler calls for the logic layer, navigation requests).</li>
 *   <li>{@link dev.sparrow.view.wxss.WxssCompiler} — WXSS to CSS for the browser simulator.</li>
 * </ul>
 *
 * <h2>Packages</h2>
 * {@code wxml} (tokenizer/parser), {@code expr} (the {@code {{ }}} language with JavaScript semantics),
 * {@code wxs} (sandboxed WXS modules), {@code template} (compiler and renderer), {@code tree} (virtual nodes,
 * diff, patches), {@code data} (setData paths), {@code query} (selectors, markup), {@code event} (bindings and
 * dispatch), {@code component} (built-in component behaviour), {@code wxss}.
 *
 * <p>Behaviour follows WeChat's own compiler, checked case by case against it (see
 * {@code docs/view-oracle-differences.md}).
 */
package dev.sparrow.view;
