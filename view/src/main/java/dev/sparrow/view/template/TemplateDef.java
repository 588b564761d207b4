package dev.sparrow.view.template;

import java.util.List;

/** A {@code <template name="...">} definition and the file that defines it. */
record TemplateDef(String name, String file, List<TNode> body) {}
