package dev.sparrow.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparrow.view.tree.VElement;
import dev.sparrow.view.tree.VNode;
import dev.sparrow.view.tree.VText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XPath over a page's rendered tree (automation's {@code getElementByXpath}): the tree is mirrored
 * into a W3C document (tags as element names, attributes as strings, text nodes) and queried with
 * the JDK's XPath 1.0 engine, e.g. {@code //view[@class="todo"]/text[2]} or {@code
 * //*[contains(text(), "Buy")]}.
 */
final class XPaths {
  private static final String ID = "sparrow-node-id";

  private XPaths() {}

  /** Node ids of the elements matching {@code expression} under {@code root}, in document order. */
  static List<Integer> select(VElement root, String expression) {
    Document doc;
    try {
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
    doc.appendChild(mirror(doc, root));
    NodeList found;
    try {
      found = (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, doc, XPathConstants.NODESET);
    } catch (XPathExpressionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalArgumentException("invalid XPath \"" + expression + "\": " + cause.getMessage());
    }
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < found.getLength(); i++) {
      Node n = found.item(i);
      Node element = n instanceof Element ? n : n.getParentNode();
      if (element instanceof Element e && e.getUserData(ID) instanceof Integer id && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static Node mirror(Document doc, VNode node) {
    if (node instanceof VText t) {
      return doc.createTextNode(t.text());
    }
    VElement v = (VElement) node;
    Element e = doc.createElement(safeName(v.tag()));
    e.setUserData(ID, v.id(), null);
    for (Map.Entry<String, JsonNode> a : v.attributes().entrySet()) {
      String name = safeName(a.getKey());
      JsonNode value = a.getValue();
      e.setAttribute(name, value == null || value.isNull() ? "" : value.isTextual() ? value.asText() : value.toString());
    }
    for (VNode child : v.children()) {
      e.appendChild(mirror(doc, child));
    }
    return e;
  }

  /** XML names cannot hold ':' here (bind:tap) or start with a digit; keep the rest as written. */
  private static String safeName(String name) {
    String s = name.replace(':', '-');
    return s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_') ? "_" + s : s;
  }
}
