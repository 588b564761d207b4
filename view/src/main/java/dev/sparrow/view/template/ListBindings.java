package dev.sparrow.view.template;

import dev.sparrow.view.expr.Expr;
import dev.sparrow.view.expr.Interpolation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a compiled page's bindings read, for updating the view by data path instead of rendering the page again.
 * The page's own file is walked as a render goes: into {@code <include>}d files (same scope) and into the bodies of
 * templates a call names literally ({@code <template is="row" data="{{...}}"/>}, defined, imported or reached
 * through includes), where each name of the template's data stands for the page names its {@code data} entry reads.
 *
 * <ul>
 *   <li>{@link #reads}: every page name a binding on that walk may read. A change to a name nothing reads changes
 *       nothing in the view.</li>
 *   <li>{@link #list}: a data name whose one mention (besides {@code name.length}, which an item's change leaves
 *       alone) is a {@code wx:for} rendered once per page render over that very array: outside any other list, in
 *       the page's file, an included file, or a template body whose data passes the name on as it is
 *       ({@code data="{{rows}}"}, {@code data="{{list: rows}}"}). Its item {@code i} renders from item {@code i}, its
 *       index and the other data alone, so {@code name[i].…} changes re-render that item only.</li>
 *   <li>{@link #nested}: inside such a list's items, a {@code wx:for="{{item.field}}"} that is the items' one read of
 *       {@code field} (the item variable read otherwise only as {@code item.other}): {@code name[i].field[j].…}
 *       re-renders item {@code j} of that inner list in item {@code i} only. Lists nest to any depth.</li>
 *   <li>{@link #singles}: elements and texts outside lists that alone read a name, in their own attributes or text
 *       (no condition, list or dynamic template call reading it); a template called twice renders its singles twice,
 *       each recorded with its own call's scope.</li>
 * </ul>
 */
final class ListBindings {
  /** Nodes the walk visits at most (templates called from many places are walked per call); past it, no updates. */
  private static final int BUDGET = 200_000;
  private final CompiledPage page;
  private final Set<String> reads = new HashSet<>();
  private final Map<String, TFor> lists = new HashMap<>();
  /** The lists to record, top and nested, by identity (template nodes are records: equals walks the subtree). */
  private final Set<TFor> listNodes = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<TFor, Map<String, TFor>> nested = new IdentityHashMap<>();
  private final Map<String, List<TNode>> singles = new HashMap<>();
  private final Set<TNode> singleNodes = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, Integer> mentions = new HashMap<>();
  private final Map<String, Integer> items = new HashMap<>();
  private final Map<String, Integer> once = new HashMap<>();
  private final Map<String, List<TNode>> byName = new HashMap<>();
  private final Map<String, List<TFor>> candidates = new HashMap<>();
  private final Deque<String> active = new ArrayDeque<>();
  private boolean opaque;
  private int walked;
  private int depth;

  ListBindings(CompiledPage page, CompiledFile own) {
    this.page = page;
    if (own == null) {
      opaque = true;
      return;
    }
    for (TNode n : own.body()) {
      walk(n, Env.PAGE, true);
    }
    reads.addAll(mentions.keySet());
    if (opaque) {
      return;
    }
    candidates.forEach((name, fors) -> {
      if (fors.size() == 1 && items.getOrDefault(name, 0) == 1) {
        lists.put(name, fors.get(0));
        listNodes.add(fors.get(0));
        findNested(fors.get(0));
      }
    });
    byName.forEach((name, nodes) -> {
      if (once.get(name).equals(mentions.get(name))) {
        singles.put(name, nodes);
        singleNodes.addAll(nodes);
      }
    });
  }

  /**
   * The elements and texts outside lists that alone read data {@code name}, in their own attributes or text; null
   * when some other binding reads it.
   */
  List<TNode> singles(String name) {
    return opaque ? null : singles.get(name);
  }

  /** The nodes of {@link #singles}, to record while rendering. */
  Set<TNode> singleNodes() {
    return Collections.unmodifiableSet(singleNodes);
  }

  /** True when some binding may read {@code name}. */
  boolean reads(String name) {
    return opaque || reads.contains(name);
  }

  /** The list that renders once from data {@code name} alone (see the class comment), or null. */
  TFor list(String name) {
    return opaque ? null : lists.get(name);
  }

  /** The list over {@code item.field} inside the items of {@code outer} that alone reads that field, or null. */
  TFor nested(TFor outer, String field) {
    Map<String, TFor> inner = nested.get(outer);
    return inner == null ? null : inner.get(field);
  }

  /** The lists of {@link #list} and {@link #nested}, to record while rendering. */
  Set<TFor> lists() {
    return Collections.unmodifiableSet(listNodes);
  }

  /**
   * How page names reach a template body: {@code explicit} maps a name of the template's data to the page names its
   * entry reads, {@code exact} to the page name passed on as it is; a spread's page names may stand behind any name.
   * {@code PAGE} is the page's own scope (each name is itself). Loop variables shadow.
   */
  private record Env(Map<String, Set<String>> explicit, Map<String, String> exact, Set<String> spread,
      Set<String> shadowed) {
    static final Env PAGE = new Env(null, null, Set.of(), Set.of());

    Set<String> resolve(String local) {
      if (shadowed.contains(local)) {
        return Set.of();
      }
      if (explicit == null) {
        return Set.of(local);
      }
      Set<String> e = explicit.getOrDefault(local, Set.of());
      if (spread.isEmpty()) {
        return e;
      }
      Set<String> out = new LinkedHashSet<>(e);
      out.addAll(spread);
      return out;
    }

    /** The page name {@code local} is, as it is (not a part or a value made from it), or null. */
    String exact(String local) {
      if (shadowed.contains(local)) {
        return null;
      }
      if (explicit == null) {
        return local;
      }
      return spread.isEmpty() ? exact.get(local) : null;
    }

    Env shadow(String... names) {
      Set<String> s = new HashSet<>(shadowed);
      Collections.addAll(s, names);
      return new Env(explicit, exact, spread, s);
    }
  }

  private void walk(TNode n, Env env, boolean onlyOnce) {
    if (++walked > BUDGET || depth >= RenderContext.MAX_DEPTH) {
      opaque = true; // the render cuts such pages off with a warning, which takes whole renders anyway
      return;
    }
    depth++;
    try {
      walkNode(n, env, onlyOnce);
    } finally {
      depth--;
    }
  }

  private void walkNode(TNode n, Env env, boolean onlyOnce) {
    if (n instanceof TElement e) {
      for (TAttribute a : e.attributes()) {
        mention(a.value(), env, onlyOnce ? e : null);
      }
      e.children().forEach(c -> walk(c, env, onlyOnce));
    } else if (n instanceof TText t) {
      mention(t.text(), env, onlyOnce ? t : null);
    } else if (n instanceof TFragment f) {
      f.children().forEach(c -> walk(c, env, onlyOnce));
    } else if (n instanceof TIf i) {
      i.conditions().forEach(c -> mention(c, env, null));
      i.branches().forEach(c -> walk(c, env, onlyOnce));
    } else if (n instanceof TFor f) {
      mention(f.list(), env, null);
      String name = f.list().loneName();
      String exact = name == null ? null : env.exact(name);
      if (onlyOnce && exact != null && !name.equals(f.itemName()) && !name.equals(f.indexName())) {
        candidates.computeIfAbsent(exact, k -> new ArrayList<>()).add(f);
      }
      walk(f.body(), env.shadow(f.itemName(), f.indexName()), false);
    } else if (n instanceof TTemplateCall c) {
      call(c, env, onlyOnce);
    } else if (n instanceof TInclude inc) {
      CompiledFile included = inc.target() == null ? null : page.file(inc.target());
      String id = "include:" + inc.target();
      if (included != null && !active.contains(id)) {
        active.push(id);
        included.body().forEach(c -> walk(c, env, onlyOnce));
        active.pop();
      }
    } else {
      opaque = true; // a node kind this analysis does not know: nothing may be updated on its own
    }
  }

  /**
   * A template call named literally walks the template's body with its data's names standing for the page names
   * their entries read; any other call (a bound name, an unknown template, recursion) counts its data's names as
   * read, the body reading nothing else.
   */
  private void call(TTemplateCall c, Env env, boolean onlyOnce) {
    TemplateDef def = c.is().isDynamic() ? null : page.findTemplate(c.file(), c.is().evaluateString(null));
    List<Expr> data = c.data() == null ? List.of() : c.data().expressions();
    boolean literal = c.data() == null || c.data().isLone() && data.get(0) instanceof Expr.ObjectLiteral;
    String id = def == null ? null : def.file() + ":" + def.name();
    if (def == null || !literal || active.contains(id)) {
      mention(c.is(), env, null);
      mention(c.data(), env, null);
      return;
    }
    Map<String, Set<String>> explicit = new HashMap<>();
    Map<String, String> exact = new HashMap<>();
    Set<String> spread = new LinkedHashSet<>();
    if (c.data() != null) {
      for (Expr.Entry en : ((Expr.ObjectLiteral) data.get(0)).entries()) {
        Set<String> from = new LinkedHashSet<>();
        names(en.value(), env, from);
        if (en.key() == null) {
          spread.addAll(from);
          continue;
        }
        explicit.put(en.key(), from);
        String x = en.value() instanceof Expr.Ident i ? env.exact(i.name()) : null;
        if (x != null) {
          exact.put(en.key(), x);
        } else {
          exact.remove(en.key());
        }
      }
    }
    Env inner = new Env(explicit, exact, spread, Set.of());
    active.push(id);
    def.body().forEach(b -> walk(b, inner, onlyOnce));
    active.pop();
  }

  private static void names(Expr e, Env env, Set<String> out) {
    Interpolation.namesOf(e).forEach(n -> out.addAll(env.resolve(n)));
  }

  private void mention(Interpolation value, Env env, TNode single) {
    if (value == null) {
      return;
    }
    Set<String> besideLength = value.namesBesideLength();
    for (String local : value.names()) {
      String exact = env.exact(local);
      for (String name : env.resolve(local)) {
        mentions.merge(name, 1, Integer::sum);
        if (besideLength.contains(local) || !name.equals(exact)) {
          items.merge(name, 1, Integer::sum);
        }
        if (single != null) {
          once.merge(name, 1, Integer::sum);
          List<TNode> nodes = byName.computeIfAbsent(name, k -> new ArrayList<>());
          if (nodes.isEmpty() || nodes.get(nodes.size() - 1) != single) {
            nodes.add(single);
          }
        }
      }
    }
  }

  /**
   * The lists over {@code item.field} in the items of {@code outer} that may re-render alone: rendered once per
   * item (under elements, blocks, conditions and includes), and the items' only reads of the field besides its
   * {@code length}, the item variable being read elsewhere only as {@code item.someOtherField}.
   */
  private void findNested(TFor outer) {
    Fields fields = new Fields(outer.itemName());
    fields.walk(outer.body(), true);
    if (fields.whole) {
      return;
    }
    fields.candidates.forEach((field, fors) -> {
      if (fors.size() == 1 && fields.reads.getOrDefault(field, 0) == 1) {
        TFor inner = fors.get(0);
        nested.computeIfAbsent(outer, k -> new HashMap<>()).put(field, inner);
        listNodes.add(inner);
        findNested(inner);
      }
    });
  }

  /** How a list item's body reads its item variable: field by field, or whole. */
  private final class Fields {
    final String item;
    final Map<String, Integer> reads = new HashMap<>();
    final Map<String, List<TFor>> candidates = new HashMap<>();
    final Deque<String> includes = new ArrayDeque<>();
    boolean whole;

    Fields(String item) {
      this.item = item;
    }

    void walk(TNode n, boolean onlyOnce) {
      if (++depth > RenderContext.MAX_DEPTH) {
        whole = true;
      } else {
        walkNode(n, onlyOnce);
      }
      depth--;
    }

    void walkNode(TNode n, boolean onlyOnce) {
      if (n instanceof TElement e) {
        e.attributes().forEach(a -> read(a.value()));
        e.children().forEach(c -> walk(c, onlyOnce));
      } else if (n instanceof TText t) {
        read(t.text());
      } else if (n instanceof TFragment f) {
        f.children().forEach(c -> walk(c, onlyOnce));
      } else if (n instanceof TIf i) {
        i.conditions().forEach(this::read);
        i.branches().forEach(c -> walk(c, onlyOnce));
      } else if (n instanceof TFor f) {
        read(f.list());
        List<Expr> list = f.list().isLone() ? f.list().expressions() : List.of();
        String field = list.isEmpty() ? null : field(list.get(0));
        if (onlyOnce && field != null) {
          candidates.computeIfAbsent(field, k -> new ArrayList<>()).add(f);
        }
        if (!item.equals(f.itemName()) && !item.equals(f.indexName())) {
          walk(f.body(), false); // else the body's item is the inner one
        }
      } else if (n instanceof TTemplateCall c) {
        read(c.is());
        read(c.data());
      } else if (n instanceof TInclude inc) {
        CompiledFile included = inc.target() == null ? null : page.file(inc.target());
        if (included != null && !includes.contains(inc.target())) {
          includes.push(inc.target());
          included.body().forEach(c -> walk(c, onlyOnce));
          includes.pop();
        }
      } else {
        whole = true;
      }
    }

    /** {@code item.field} with a literal name, else null. */
    String field(Expr e) {
      return e instanceof Expr.Member m && m.object() instanceof Expr.Ident i && i.name().equals(item)
          && m.key() instanceof Expr.Literal k && k.value().isTextual() ? k.value().textValue() : null;
    }

    void read(Interpolation value) {
      if (value != null) {
        value.expressions().forEach(e -> read(e, false));
      }
    }

    /** @param length {@code e} is read as {@code e.length} only */
    void read(Expr e, boolean length) {
      String field = field(e);
      if (field != null) {
        if (!length) {
          reads.merge(field, 1, Integer::sum);
        }
        return;
      }
      if (e instanceof Expr.Ident i) {
        whole |= i.name().equals(item);
      } else if (e instanceof Expr.Member m) {
        read(m.object(), m.key() instanceof Expr.Literal k && k.value().isTextual()
            && k.value().textValue().equals("length"));
        read(m.key(), false);
      } else {
        Interpolation.children(e).forEach(c -> read(c, false));
      }
    }
  }
}
