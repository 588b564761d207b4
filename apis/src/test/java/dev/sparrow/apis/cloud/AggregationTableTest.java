package dev.sparrow.apis.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Aggregation semantics, one row per stage or operator in the wire form {@code aggregate()} sends (MongoDB's
 * stages; {@code db.command.aggregate} operators as {@code $op}), after the documented examples (books by
 * category, authors joined by name). Results are compared as JSON text, so order and number kinds count.
 */
class AggregationTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BOOKS = List.of(
      "{'_id':'b1','category':'novel','name':'The Catcher in the Rye','price':35,'author':'J.D. Salinger',"
          + "'tags':['classic','us']}",
      "{'_id':'b2','category':'novel','name':'Wuthering Heights','price':30,'author':'Emily Bronte',"
          + "'tags':['classic']}",
      "{'_id':'b3','category':'computer','name':'Thinking in Java','price':80,'author':'Bruce Eckel','tags':[]}",
      "{'_id':'b4','category':'computer','name':'SICP','price':60,'author':'Abelson','tags':['lisp','classic']}",
      "{'_id':'b5','category':'poetry','name':'Leaves of Grass','price':25,'author':'Walt Whitman'}");
  private static final List<String> AUTHORS = List.of(
      "{'_id':'a1','name':'J.D. Salinger','country':'US'}",
      "{'_id':'a2','name':'Emily Bronte','country':'UK'}",
      "{'_id':'a3','name':'Bruce Eckel','country':'US'}");

  @TempDir
  Path dir;
  private JsonLinesDatabase db;

  @BeforeEach
  void seed() {
    db = new JsonLinesDatabase(dir, () -> 5000L, new Random(1));
    BOOKS.forEach(b -> db.add("books", CloudQueryTableTest.j(b)));
    AUTHORS.forEach(a -> db.add("authors", CloudQueryTableTest.j(a)));
  }

  static ArrayNode pipeline(String singleQuoted) {
    try {
      return (ArrayNode) JSON.readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(singleQuoted, e);
    }
  }

  static Stream<Arguments> pipelines() {
    return Stream.of(
        Arguments.of("match + project inclusion",
            "[{'$match':{'category':'computer'}},{'$project':{'_id':0,'name':1}}]",
            "[{'name':'Thinking in Java'},{'name':'SICP'}]"),
        Arguments.of("match with query commands",
            "[{'$match':{'price':{'$gte':30,'$lt':61},'tags':'classic'}},{'$project':{'_id':1}}]",
            "[{'_id':'b1'},{'_id':'b2'},{'_id':'b4'}]"),
        Arguments.of("project exclusion",
            "[{'$match':{'_id':'b5'}},{'$project':{'tags':0,'author':0,'category':0}}]",
            "[{'_id':'b5','name':'Leaves of Grass','price':25}]"),
        Arguments.of("group: sum of 1 and of a field, avg; groups in first-seen order",
            "[{'$group':{'_id':'$category','n':{'$sum':1},'total':{'$sum':'$price'},'avg':{'$avg':'$price'}}}]",
            "[{'_id':'novel','n':2,'total':65,'avg':32.5},{'_id':'computer','n':2,'total':140,'avg':70.0},"
                + "{'_id':'poetry','n':1,'total':25,'avg':25.0}]"),
        Arguments.of("group: min, max, first, last after a sort",
            "[{'$sort':{'price':1}},{'$group':{'_id':'$category','min':{'$min':'$price'},'max':{'$max':'$price'},"
                + "'first':{'$first':'$name'},'last':{'$last':'$name'}}}]",
            "[{'_id':'poetry','min':25,'max':25,'first':'Leaves of Grass','last':'Leaves of Grass'},"
                + "{'_id':'novel','min':30,'max':35,'first':'Wuthering Heights','last':'The Catcher in the Rye'},"
                + "{'_id':'computer','min':60,'max':80,'first':'SICP','last':'Thinking in Java'}]"),
        Arguments.of("unwind then group: push keeps repeats, addToSet does not",
            "[{'$unwind':'$tags'},{'$group':{'_id':null,'all':{'$push':'$tags'},'set':{'$addToSet':'$tags'}}}]",
            "[{'_id':null,'all':['classic','us','classic','lisp','classic'],'set':['classic','us','lisp']}]"),
        Arguments.of("group by an object key, ifNull and size inside sum",
            "[{'$group':{'_id':{'c':'$category'},'tagged':{'$sum':{'$size':{'$ifNull':['$tags',[]]}}}}}]",
            "[{'_id':{'c':'novel'},'tagged':3},{'_id':{'c':'computer'},'tagged':2},{'_id':{'c':'poetry'},'tagged':0}]"),
        Arguments.of("sort descending, skip, limit",
            "[{'$sort':{'price':-1}},{'$skip':1},{'$limit':2},{'$project':{'_id':0,'price':1}}]",
            "[{'price':60},{'price':35}]"),
        Arguments.of("sort on two keys",
            "[{'$sort':{'category':1,'price':-1}},{'$project':{'_id':1}}]",
            "[{'_id':'b3'},{'_id':'b4'},{'_id':'b1'},{'_id':'b2'},{'_id':'b5'}]"),
        Arguments.of("count", "[{'$match':{'price':{'$gt':30}}},{'$count':'expensive'}]", "[{'expensive':3}]"),
        Arguments.of("count of nothing is no row (MongoDB's rule)",
            "[{'$match':{'price':{'$gt':1000}}},{'$count':'n'}]", "[]"),
        Arguments.of("sortByCount", "[{'$sortByCount':'$category'}]",
            "[{'_id':'novel','count':2},{'_id':'computer','count':2},{'_id':'poetry','count':1}]"),
        Arguments.of("lookup by local and foreign field",
            "[{'$match':{'category':'novel'}},{'$lookup':{'from':'authors','localField':'author',"
                + "'foreignField':'name','as':'who'}},"
                + "{'$project':{'_id':0,'name':1,'country':{'$arrayElemAt':['$who.country',0]}}}]",
            "[{'name':'The Catcher in the Rye','country':'US'},{'name':'Wuthering Heights','country':'UK'}]"),
        Arguments.of("lookup with no match gives an empty array",
            "[{'$match':{'_id':'b5'}},{'$lookup':{'from':'authors','localField':'author',"
                + "'foreignField':'name','as':'who'}},{'$project':{'_id':0,'who':1}}]",
            "[{'who':[]}]"),
        Arguments.of("lookup with let and a pipeline using $expr",
            "[{'$match':{'_id':'b3'}},{'$lookup':{'from':'authors','let':{'a':'$author'},'pipeline':"
                + "[{'$match':{'$expr':{'$eq':['$name','$$a']}}},{'$project':{'_id':0,'country':1}}],'as':'who'}},"
                + "{'$project':{'_id':0,'who':1}}]",
            "[{'who':[{'country':'US'}]}]"),
        Arguments.of("unwind with index, keeping empty and missing arrays",
            "[{'$match':{'_id':{'$in':['b3','b5','b4']}}},{'$unwind':{'path':'$tags','includeArrayIndex':'i',"
                + "'preserveNullAndEmptyArrays':true}},{'$project':{'_id':1,'i':1,'tags':1}}]",
            "[{'_id':'b3','i':null},{'_id':'b4','i':0,'tags':'lisp'},{'_id':'b4','i':1,'tags':'classic'},"
                + "{'_id':'b5','i':null}]"),
        Arguments.of("addFields: arithmetic, concat, toUpper, cond, size",
            "[{'$match':{'_id':'b1'}},{'$addFields':{'twice':{'$multiply':['$price',2]},"
                + "'half':{'$divide':['$price',2]},'plus':{'$add':['$price',5,{'$subtract':[10,20]}]},"
                + "'label':{'$concat':['$category',': ',{'$toUpper':'$name'}]},"
                + "'cheap':{'$cond':[{'$lt':['$price',40]},'yes','no']},'n':{'$size':'$tags'}}},"
                + "{'$project':{'_id':0,'twice':1,'half':1,'plus':1,'label':1,'cheap':1,'n':1}}]",
            "[{'twice':70,'half':17.5,'plus':30,'label':'novel: THE CATCHER IN THE RYE','cheap':'yes','n':2}]"),
        Arguments.of("project expressions: cond object form, switch, in, and/or/not, mod",
            "[{'$match':{'_id':'b4'}},{'$project':{'_id':0,"
                + "'band':{'$cond':{'if':{'$gte':['$price',50]},'then':'high','else':'low'}},"
                + "'kind':{'$switch':{'branches':[{'case':{'$eq':['$category','novel']},'then':'N'}],"
                + "'default':'other'}},'lisp':{'$in':['lisp','$tags']},"
                + "'both':{'$and':[true,{'$or':[false,1]},{'$not':[0]}]},'odd':{'$mod':['$price',7]}}}]",
            "[{'band':'high','kind':'other','lisp':true,'both':true,'odd':4}]"),
        Arguments.of("project: sum and max over an array field, literal",
            "[{'$match':{'_id':'b1'}},{'$project':{'_id':0,'lit':{'$literal':'$price'},"
                + "'s':{'$sum':['$price',1]},'m':{'$max':'$tags'}}}]",
            "[{'lit':'$price','s':36,'m':'us'}]"),
        Arguments.of("replaceRoot", "[{'$match':{'_id':'b5'}},{'$replaceRoot':{'newRoot':{'who':'$author'}}}]",
            "[{'who':'Walt Whitman'}]"),
        Arguments.of("date parts and dateToString, UTC and a timezone",
            "[{'$match':{'_id':'b1'}},{'$addFields':{'d':{'$date':1700000000123}}},{'$project':{'_id':0,"
                + "'y':{'$year':'$d'},'m':{'$month':'$d'},'day':{'$dayOfMonth':'$d'},'h':{'$hour':'$d'},"
                + "'hs':{'$hour':{'date':'$d','timezone':'Asia/Shanghai'}},"
                + "'s':{'$dateToString':{'date':'$d','format':'%Y-%m-%d %H:%M:%S.%L'}},"
                + "'cn':{'$dateToString':{'date':'$d','format':'%d/%m %H:%M %z','timezone':'+08:00'}}}}]",
            "[{'y':2023,'m':11,'day':14,'h':22,'hs':6,'s':'2023-11-14 22:13:20.123','cn':'15/11 06:13 +0800'}]"),
        Arguments.of("sample takes the size asked", "[{'$sample':{'size':2}},{'$count':'n'}]", "[{'n':2}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pipelines")
  void stage(String label, String pipeline, String expected) throws JsonProcessingException {
    String got = JSON.writeValueAsString(db.aggregate("books", pipeline(pipeline)));
    assertThat(got).as(label).isEqualTo(expected.replace('\'', '"'));
  }

  static Stream<Arguments> badPipelines() {
    return Stream.of(
        Arguments.of("[{'$nope':{}}]", "-501007 invalid parameters. unknown aggregate stage $nope"),
        Arguments.of("[{'$group':{'n':{'$sum':1}}}]", "-501007 invalid parameters. $group needs an _id"),
        Arguments.of("[{'$limit':-1}]", "-501007 invalid parameters. $limit needs a non-negative integer"),
        Arguments.of("[{'$project':{'x':{'$frob':1}}}]",
            "-501007 invalid parameters. unknown aggregate operator $frob"),
        Arguments.of("[{'$match':{}, '$limit':1}]",
            "-501007 invalid parameters. an aggregate stage must be an object with one key: "
                + "{\"$match\":{},\"$limit\":1}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPipelines")
  void badStagesFailWithInvalidParameters(String pipeline, String reason) {
    assertThatThrownBy(() -> db.aggregate("books", pipeline(pipeline)))
        .isInstanceOfSatisfying(CloudError.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }
}
