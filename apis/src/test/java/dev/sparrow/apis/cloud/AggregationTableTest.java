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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Aggregation semantics, one row per stage or operator in the wire form {@code aggregate()} sends (MongoDB's
 * stages; {@code db.command.aggregate} operators as {@code $op}), after the documented examples (books by
 * category, authors joined by name, attractions near a point). Results are compared as JSON text, so order and
 * number kinds count. The whole table runs on both engines, as {@link CloudQueryTableTest} does: the pipeline runs
 * in {@link Aggregation} over the documents each engine stores and finds (MongoDB's adapter does not hand the
 * pipeline to the server, so no row is skipped there).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(CloudEngines.Engine.class)
class AggregationTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static CloudEngines engines;
  private static int databases;
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
  /** Guangzhou sights; from the point the geoNear rows use: tower 1,922 m, zoo 5,278 m, park 6,109 m, hill 9,481 m. */
  private static final List<String> ATTRACTIONS = List.of(
      "{'_id':'park','docType':'geoNear','location':{'type':'Point','coordinates':[113.2717,23.1397]}}",
      "{'_id':'tower','docType':'geoNear','location':{'type':'Point','coordinates':[113.3245,23.1065]}}",
      "{'_id':'hill','docType':'other','location':{'type':'Point','coordinates':[113.3012,23.1817]}}",
      "{'_id':'zoo','docType':'geoNear','location':{'type':'Point','coordinates':[113.3068,23.1442]}}");

  @Parameter
  CloudEngines.Engine engine;
  @TempDir
  Path dir;
  private CloudDatabase db;
  private String database;

  @BeforeAll
  static void startServer() {
    engines = CloudEngines.start();
  }

  @AfterAll
  static void stopServer() {
    engines.close();
  }

  @BeforeEach
  void seed() {
    database = "sparrow_aggregate" + databases++;
    db = engines.open(engine, dir, database, () -> 5000L, new Random(1));
    BOOKS.forEach(b -> db.add("books", CloudQueryTableTest.j(b)));
    AUTHORS.forEach(a -> db.add("authors", CloudQueryTableTest.j(a)));
    ATTRACTIONS.forEach(a -> db.add("attractions", CloudQueryTableTest.j(a)));
  }

  @AfterEach
  void dropDatabase() {
    if (engine == CloudEngines.Engine.MONGODB) {
      engines.drop(database);
    }
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
        Arguments.of("sample takes the size asked", "[{'$sample':{'size':2}},{'$count':'n'}]", "[{'n':2}]"),
        Arguments.of("bucket with default and output (documents in input order within a bucket)",
            "[{'$bucket':{'groupBy':'$price','boundaries':[0,30,60],'default':'other',"
                + "'output':{'count':{'$sum':1},'names':{'$push':'$name'}}}}]",
            "[{'_id':0,'count':1,'names':['Leaves of Grass']},"
                + "{'_id':30,'count':2,'names':['The Catcher in the Rye','Wuthering Heights']},"
                + "{'_id':'other','count':2,'names':['Thinking in Java','SICP']}]"),
        Arguments.of("bucket without output counts; empty buckets are left out",
            "[{'$bucket':{'groupBy':'$price','boundaries':[0,50,100,200]}}]",
            "[{'_id':0,'count':3},{'_id':50,'count':2}]"),
        Arguments.of("bucketAuto: about n/buckets each, a bucket's max is the next one's min",
            "[{'$bucketAuto':{'groupBy':'$price','buckets':3}}]",
            "[{'_id':{'min':25,'max':35},'count':2},{'_id':{'min':35,'max':80},'count':2},"
                + "{'_id':{'min':80,'max':80},'count':1}]"),
        Arguments.of("bucketAuto with output; the last bucket takes the rest",
            "[{'$bucketAuto':{'groupBy':'$price','buckets':2,'output':{'avg':{'$avg':'$price'}}}}]",
            "[{'_id':{'min':25,'max':60},'avg':30.0},{'_id':{'min':60,'max':80},'avg':70.0}]"),
        Arguments.of("bucketAuto keeps equal values in one bucket",
            "[{'$bucketAuto':{'groupBy':'$category','buckets':4}}]",
            "[{'_id':{'min':'computer','max':'novel'},'count':2},{'_id':{'min':'novel','max':'poetry'},'count':2},"
                + "{'_id':{'min':'poetry','max':'poetry'},'count':1}]"),
        Arguments.of("stdDevPop and stdDevSamp, as accumulators and over an array",
            "[{'$match':{'category':'novel'}},{'$group':{'_id':null,'samp':{'$stdDevSamp':'$price'},"
                + "'pop':{'$stdDevPop':'$price'},'one':{'$stdDevSamp':{'$literal':1}}}},"
                + "{'$addFields':{'arr':{'$stdDevPop':[[2,4,4,4,5,5,7,9]]},'two':{'$stdDevSamp':[[1,3]]},"
                + "'single':{'$stdDevSamp':[[5]]}}}]",
            "[{'_id':null,'samp':3.5355339059327378,'pop':2.5,'one':0.0,'arr':2.0,'two':1.4142135623730951,"
                + "'single':null}]"),
        Arguments.of("filter, map, reduce and let",
            "[{'$match':{'_id':'b1'}},{'$project':{'_id':0,"
                + "'f':{'$filter':{'input':'$tags','as':'t','cond':{'$ne':['$$t','us']}}},"
                + "'m':{'$map':{'input':'$tags','as':'t','in':{'$toUpper':'$$t'}}},"
                + "'r':{'$reduce':{'input':'$tags','initialValue':'','in':{'$concat':['$$value','$$this','/']}}},"
                + "'l':{'$let':{'vars':{'p':'$price'},'in':{'$multiply':['$$p',2]}}}}}]",
            "[{'f':['classic'],'m':['CLASSIC','US'],'r':'classic/us/','l':70}]"),
        Arguments.of("array operators",
            "[{'$match':{'_id':'b4'}},{'$project':{'_id':0,'rev':{'$reverseArray':'$tags'},"
                + "'idx':{'$indexOfArray':['$tags','classic']},'none':{'$indexOfArray':['$tags','x']},"
                + "'last':{'$slice':['$tags',-1]},'mid':{'$slice':[[1,2,3,4],1,2]},'r':{'$range':[0,10,3]},"
                + "'obj':{'$arrayToObject':[[['a',1],['b',2]]]},'kv':{'$objectToArray':{'x':1}},"
                + "'zip':{'$zip':{'inputs':['$tags',[1,2,3]],'useLongestLength':true}}}}]",
            "[{'rev':['classic','lisp'],'idx':1,'none':-1,'last':['classic'],'mid':[2,3],'r':[0,3,6,9],"
                + "'obj':{'a':1,'b':2},'kv':[{'k':'x','v':1}],'zip':[['lisp',1],['classic',2],[null,3]]}]"),
        Arguments.of("set operators",
            "[{'$match':{'_id':'b1'}},{'$project':{'_id':0,'u':{'$setUnion':['$tags',['us','new']]},"
                + "'i':{'$setIntersection':['$tags',['us','x']]},'d':{'$setDifference':['$tags',['us']]},"
                + "'e':{'$setEquals':['$tags',['us','classic','us']]},'s':{'$setIsSubset':[['us'],'$tags']},"
                + "'all':{'$allElementsTrue':[[1,true,'x']]},'any':{'$anyElementTrue':[[0,false,null]]}}}]",
            "[{'u':['classic','us','new'],'i':['us'],'d':['classic'],'e':true,'s':true,'all':true,'any':false}]"),
        Arguments.of("string operators count bytes or code points",
            "[{'$match':{'_id':'b1'}},{'$project':{'_id':0,'ib':{'$indexOfBytes':['$name','Catcher']},"
                + "'cp':{'$indexOfCP':['héllo wörld','wö']},"
                + "'by':{'$indexOfBytes':['héllo wörld','wö']},"
                + "'lb':{'$strLenBytes':'héllo'},'cmp':{'$strcasecmp':['$category','NOVEL']},"
                + "'lt':{'$strcasecmp':['a','B']},'sb':{'$substrBytes':['héllo',0,3]}}}]",
            "[{'ib':4,'cp':6,'by':7,'lb':6,'cmp':0,'lt':-1,'sb':'hé'}]"),
        Arguments.of("exp, ln, log, log10",
            "[{'$match':{'_id':'b1'}},{'$project':{'_id':0,'e':{'$exp':0},'ln':{'$ln':1},"
                + "'lg':{'$log10':1000},'l2':{'$log':[8,2]}}}]",
            "[{'e':1.0,'ln':0.0,'lg':3.0,'l2':3.0}]"),
        Arguments.of("dayOfWeek, week, dateFromParts, dateFromString",
            "[{'$match':{'_id':'b1'}},{'$addFields':{'d':{'$date':1700000000123}}},{'$project':{'_id':0,"
                + "'dow':{'$dayOfWeek':'$d'},'wk':{'$week':'$d'},"
                + "'fp':{'$dateFromParts':{'year':2023,'month':11,'day':14,'hour':22}},"
                + "'fs':{'$dateFromString':{'dateString':'2023-11-14T22:13:20.123Z'}},"
                + "'fz':{'$dateFromString':{'dateString':'2023-11-15 06:13','timezone':'Asia/Shanghai'}},"
                + "'ff':{'$dateFromString':{'dateString':'14/11/2023','format':'%d/%m/%Y'}},"
                + "'bad':{'$dateFromString':{'dateString':'soon','onError':'no date'}}}}]",
            "[{'dow':3,'wk':46,'fp':{'$date':1699999200000},'fs':{'$date':1700000000123},"
                + "'fz':{'$date':1699999980000},'ff':{'$date':1699920000000},'bad':'no date'}]"));
  }

  static Stream<Arguments> geoPipelines() {
    return Stream.of(
        Arguments.of("geoNear: nearest first, query, distance in meters",
            "[{'$geoNear':{'distanceField':'distance','spherical':true,"
                + "'near':{'type':'Point','coordinates':[113.3089506,23.0968251]},'query':{'docType':'geoNear'}}},"
                + "{'$project':{'_id':1,'m':{'$trunc':'$distance'}}}]",
            "[{'_id':'tower','m':1922},{'_id':'zoo','m':5278},{'_id':'park','m':6109}]"),
        Arguments.of("geoNear: min and max distance, key, includeLocs, distanceMultiplier",
            "[{'$geoNear':{'distanceField':'km','spherical':true,'key':'location','includeLocs':'loc',"
                + "'near':{'type':'Point','coordinates':[113.3089506,23.0968251]},'minDistance':2000,"
                + "'maxDistance':6000,'distanceMultiplier':0.001}},"
                + "{'$project':{'_id':1,'km':{'$trunc':'$km'},'loc':1}}]",
            "[{'_id':'zoo','km':5,'loc':{'type':'Point','coordinates':[113.3068,23.1442]}}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("geoPipelines")
  void geoStage(String label, String pipeline, String expected) throws JsonProcessingException {
    String got = JSON.writeValueAsString(db.aggregate("attractions", pipeline(pipeline)));
    assertThat(got).as(label).isEqualTo(expected.replace('\'', '"'));
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
        Arguments.of("[{'$bucket':{'groupBy':'$price','boundaries':[0,50]}}]",
            "-501007 invalid parameters. $bucket could not find a matching branch for an input, and no default was"
                + " specified"),
        Arguments.of("[{'$bucket':{'groupBy':'$price','boundaries':[50,0]}}]",
            "-501007 invalid parameters. $bucket boundaries must be of one type and ascending"),
        Arguments.of("[{'$bucketAuto':{'groupBy':'$price','buckets':2,'granularity':'R5'}}]",
            "-501007 invalid parameters. $bucketAuto granularity is not supported"),
        Arguments.of("[{'$match':{}},{'$geoNear':{'distanceField':'d','near':{'type':'Point','coordinates':[0,0]}}}]",
            "-501007 invalid parameters. $geoNear is only valid as the first stage in a pipeline"),
        Arguments.of("[{'$geoNear':{'near':{'type':'Point','coordinates':[0,0]}}}]",
            "-501007 invalid parameters. $geoNear needs near and distanceField"),
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
