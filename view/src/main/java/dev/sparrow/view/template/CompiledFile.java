package dev.sparrow.view.template;

import java.util.List;
import java.util.Map;

/**
 * One compiled WXML file.
 *
 * @param body renderable content (template definitions, imports and wxs tags removed)
 * @param templates templates defined in this file, by name
 * @param imports resolved {@code import} targets in source order (null for a target that does not exist)
 * @param includes resolved {@code include} targets in source order (null for a target that does not exist)
 * @param modules WXS module name to module id, for this file's own {@code <wxs>} tags
 */
record CompiledFile(
    String path,
    List<TNode> body,
    Map<String, TemplateDef> templates,
    List<String> imports,
    List<String> includes,
    Map<String, String> modules) {}
