/*
 * CQL2 text encoding (OGC 21-065, the BNF of Annex B), the parts this service implements:
 * basic CQL2, advanced comparison (LIKE, BETWEEN, IN), case- and accent-insensitive comparison,
 * spatial and temporal functions, and arithmetic. Keywords are case-insensitive; property names
 * keep their case. Geometry literals are WKT (checked again by JTS when read) or BBOX(...).
 */
grammar Cql2;

options { caseInsensitive = true; }

filter : booleanExpression EOF ;

booleanExpression : booleanTerm (OR booleanTerm)* ;

booleanTerm : booleanFactor (AND booleanFactor)* ;

booleanFactor : NOT? booleanPrimary ;

booleanPrimary
    : predicate
    | booleanLiteral
    | LEFTPAREN booleanExpression RIGHTPAREN
    ;

predicate
    : scalarExpression comparisonOperator scalarExpression                                        # binaryComparison
    | scalarExpression NOT? LIKE scalarExpression                                                 # like
    | scalarExpression NOT? BETWEEN scalarExpression AND scalarExpression                         # between
    | scalarExpression NOT? IN LEFTPAREN scalarExpression (COMMA scalarExpression)* RIGHTPAREN    # inList
    | scalarExpression IS NOT? NULL                                                               # isNull
    | SPATIAL_FUNCTION LEFTPAREN scalarExpression COMMA scalarExpression RIGHTPAREN              # spatial
    | TEMPORAL_FUNCTION LEFTPAREN scalarExpression COMMA scalarExpression RIGHTPAREN             # temporal
    ;

comparisonOperator : EQ | NEQ | LT | GT | LTEQ | GTEQ ;

// arithmetic, loosest binding first: + -, then * / % div, then ^, then unary minus
scalarExpression : term (additiveOperator term)* ;
additiveOperator : PLUS | MINUS ;
term : power (multiplicativeOperator power)* ;
multiplicativeOperator : STAR | SLASH | PERCENT | DIV ;
power : unary (CARET unary)? ;
unary : MINUS unary | primary ;

primary
    : NUMBER                                                       # numberLiteral
    | STRING                                                       # stringLiteral
    | booleanLiteral                                               # booleanValue
    | DATE LEFTPAREN STRING RIGHTPAREN                             # dateLiteral
    | TIMESTAMP LEFTPAREN STRING RIGHTPAREN                        # timestampLiteral
    | INTERVAL LEFTPAREN intervalBound COMMA intervalBound RIGHTPAREN   # intervalLiteral
    | geometryLiteral                                              # geometry
    | BBOX LEFTPAREN signedNumber (COMMA signedNumber)* RIGHTPAREN  # bboxLiteral
    | IDENTIFIER LEFTPAREN (scalarExpression (COMMA scalarExpression)*)? RIGHTPAREN   # function
    | propertyName                                                 # property
    | LEFTPAREN scalarExpression RIGHTPAREN                        # parenthesized
    ;

intervalBound : STRING | DATE LEFTPAREN STRING RIGHTPAREN | TIMESTAMP LEFTPAREN STRING RIGHTPAREN | propertyName ;

propertyName : IDENTIFIER | QUOTED_IDENTIFIER ;

booleanLiteral : TRUE | FALSE ;

geometryLiteral : WKT_TYPE (Z | M | ZM)? (EMPTY | wktList) ;
wktList : LEFTPAREN (wktCoordinates | wktList (COMMA wktList)* | geometryLiteral (COMMA geometryLiteral)*) RIGHTPAREN ;
wktCoordinates : wktPoint (COMMA wktPoint)* ;
wktPoint : signedNumber signedNumber signedNumber? signedNumber? ;
signedNumber : MINUS? NUMBER ;

// --- lexer ---
AND : 'AND' ;
OR : 'OR' ;
NOT : 'NOT' ;
LIKE : 'LIKE' ;
BETWEEN : 'BETWEEN' ;
IN : 'IN' ;
IS : 'IS' ;
NULL : 'NULL' ;
TRUE : 'TRUE' ;
FALSE : 'FALSE' ;
DIV : 'DIV' ;
DATE : 'DATE' ;
TIMESTAMP : 'TIMESTAMP' ;
INTERVAL : 'INTERVAL' ;
BBOX : 'BBOX' ;
EMPTY : 'EMPTY' ;
Z : 'Z' ;
M : 'M' ;
ZM : 'ZM' ;
WKT_TYPE : 'POINT' | 'LINESTRING' | 'POLYGON' | 'MULTIPOINT' | 'MULTILINESTRING' | 'MULTIPOLYGON' | 'GEOMETRYCOLLECTION' ;
SPATIAL_FUNCTION : 'S_INTERSECTS' | 'S_EQUALS' | 'S_DISJOINT' | 'S_TOUCHES' | 'S_WITHIN' | 'S_OVERLAPS' | 'S_CROSSES' | 'S_CONTAINS' ;
TEMPORAL_FUNCTION : 'T_AFTER' | 'T_BEFORE' | 'T_CONTAINS' | 'T_DISJOINT' | 'T_DURING' | 'T_EQUALS' | 'T_FINISHEDBY'
    | 'T_FINISHES' | 'T_INTERSECTS' | 'T_MEETS' | 'T_METBY' | 'T_OVERLAPPEDBY' | 'T_OVERLAPS' | 'T_STARTEDBY' | 'T_STARTS' ;

EQ : '=' ;
NEQ : '<>' ;
LTEQ : '<=' ;
GTEQ : '>=' ;
LT : '<' ;
GT : '>' ;
LEFTPAREN : '(' ;
RIGHTPAREN : ')' ;
COMMA : ',' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
PERCENT : '%' ;
CARET : '^' ;

NUMBER : DIGIT+ ('.' DIGIT*)? EXPONENT? | '.' DIGIT+ EXPONENT? ;
fragment EXPONENT : 'E' [+-]? DIGIT+ ;
fragment DIGIT : [0-9] ;

// a character literal; a quote inside is doubled ('it''s')
STRING : '\'' ( ~'\'' | '\'\'' )* '\'' ;

IDENTIFIER : [A-Z_] [A-Z0-9_.:]* ;
QUOTED_IDENTIFIER : '"' ~'"'+ '"' ;

WS : [ \t\r\n]+ -> skip ;
