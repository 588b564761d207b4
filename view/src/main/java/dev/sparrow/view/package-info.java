/** The view layer: WXML/WXSS compiler, expression evaluator, virtual tree, diff and patches. */
package dev.sparrow.view;
