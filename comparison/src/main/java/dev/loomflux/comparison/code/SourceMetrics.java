package dev.loomflux.comparison.code;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.javaparser.JavaParser;
import com.github.javaparser.JavaToken;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

/**
 * The counts of one Java source file, from its JavaParser syntax tree (no regexes over
 * code).
 * <ul>
 * <li>{@code lines}: lines holding at least one token that is neither whitespace nor a
 * comment (imports and the package line count; a line with code and a trailing comment
 * counts once).</li>
 * <li>{@code maxNesting}: the deepest nesting inside a method, constructor or
 * initializer: its own body is level 0; every further block in braces ({@code if}, loop,
 * {@code try}, {@code catch}, a bare block, a switch, an anonymous class body) and every
 * lambda adds one (a lambda with a block body adds one, not two).</li>
 * <li>{@code reactorOperators}: in a file that imports {@code reactor.*} only, every call
 * on {@code Mono}, {@code Flux}, {@code Schedulers}, {@code Sinks} or {@code Retry} (e.g.
 * {@code Mono.zip}, {@code Flux.interval}) and every instance call named in
 * {@link #OPERATORS}, except where the receiver is visibly not a publisher: a chain that
 * passes through {@code stream()} or starts at {@code Stream}, {@code Optional} and
 * similar, or a variable or field declared with a type other than {@code Mono} or
 * {@code Flux}. There is no type resolution, so an operator-named call on the result of
 * some other method is counted: a small over-count, stated rather than hidden.</li>
 * </ul>
 *
 * @param lines non-blank, non-comment lines
 * @param maxNesting deepest nesting inside a method
 * @param reactorOperators Reactor operator calls
 */
record SourceMetrics(int lines, int maxNesting, int reactorOperators) {

	/** Instance operators of Mono and Flux counted by name. */
	static final Set<String> OPERATORS = Set.of("map", "mapNotNull", "flatMap", "flatMapMany", "flatMapIterable",
			"flatMapSequential", "concatMap", "handle", "filter", "filterWhen", "zipWith", "zipWhen", "then",
			"thenReturn", "thenMany", "thenEmpty", "switchIfEmpty", "defaultIfEmpty", "onErrorResume", "onErrorReturn",
			"onErrorMap", "onErrorComplete", "doOnNext", "doOnError", "doOnSuccess", "doOnTerminate", "doFinally",
			"doOnCancel", "doOnSubscribe", "doOnEach", "collectList", "collectMap", "reduce", "timeout", "retry",
			"retryWhen", "repeat", "subscribeOn", "publishOn", "cache", "share", "delayElements", "delayElement",
			"take", "takeUntil", "takeWhile", "skip", "hasElement", "hasElements", "transform", "contextWrite",
			"elapsed", "buffer", "window", "groupBy", "mergeWith", "concatWith", "startWith", "onBackpressureDrop",
			"onBackpressureBuffer", "onBackpressureLatest", "limitRate", "ignoreElement", "ignoreElements", "expand",
			"materialize", "dematerialize", "checkpoint", "block", "subscribe", "as");

	/** Reactor classes whose static calls are all counted. */
	static final Set<String> REACTOR_TYPES = Set.of("Mono", "Flux", "Schedulers", "Sinks", "Retry");

	/** Receivers that are known not to be publishers. */
	private static final Set<String> NOT_PUBLISHERS = Set.of("Stream", "IntStream", "LongStream", "DoubleStream",
			"Optional", "OptionalInt", "OptionalLong", "OptionalDouble", "List", "Set", "Map", "Collection",
			"Collectors", "Arrays", "Objects", "CompletableFuture", "String");

	private static final Set<String> PUBLISHERS = Set.of("Mono", "Flux", "ParallelFlux", "Publisher", "var");

	static SourceMetrics of(String source) {
		CompilationUnit unit = parse(source);
		return new SourceMetrics(lines(unit), maxNesting(unit), reactorOperators(unit));
	}

	private static CompilationUnit parse(String source) {
		// A parser per file: JavaParser instances are not thread-safe.
		JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_25));
		ParseResult<CompilationUnit> result = parser.parse(source);
		if (!result.isSuccessful() || result.getResult().isEmpty()) {
			throw new IllegalArgumentException("Not parseable as Java 25: " + result.getProblems());
		}
		return result.getResult().get();
	}

	private static int lines(CompilationUnit unit) {
		Set<Integer> lines = new HashSet<>();
		unit.getTokenRange().ifPresent((tokens) -> {
			for (JavaToken token : tokens) {
				if (!token.getCategory().isWhitespaceOrComment()) {
					token.getRange().ifPresent((range) -> {
						for (int line = range.begin.line; line <= range.end.line; line++) {
							lines.add(line);
						}
					});
				}
			}
		});
		return lines.size();
	}

	private static int maxNesting(CompilationUnit unit) {
		int max = 0;
		for (Node body : bodies(unit)) {
			max = Math.max(max, depthBelow(body, 0));
		}
		return max;
	}

	private static List<Node> bodies(CompilationUnit unit) {
		List<Node> bodies = new java.util.ArrayList<>();
		unit.findAll(MethodDeclaration.class).forEach((method) -> method.getBody().ifPresent(bodies::add));
		unit.findAll(ConstructorDeclaration.class).forEach((constructor) -> bodies.add(constructor.getBody()));
		unit.findAll(CompactConstructorDeclaration.class).forEach((constructor) -> bodies.add(constructor.getBody()));
		unit.findAll(InitializerDeclaration.class).forEach((initializer) -> bodies.add(initializer.getBody()));
		return bodies;
	}

	private static int depthBelow(Node node, int depth) {
		int max = depth;
		for (Node child : node.getChildNodes()) {
			int childDepth = opensLevel(child, node) ? depth + 1 : depth;
			max = Math.max(max, depthBelow(child, childDepth));
		}
		return max;
	}

	private static boolean opensLevel(Node child, Node parent) {
		if (child instanceof LambdaExpr) {
			return true;
		}
		if (child instanceof BlockStmt) {
			// a lambda's block body is the lambda's own level
			return !(parent instanceof LambdaExpr);
		}
		if (child instanceof SwitchStmt || child instanceof SwitchExpr) {
			return true;
		}
		return child instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent();
	}

	private static int reactorOperators(CompilationUnit unit) {
		boolean importsReactor = unit.getImports()
			.stream()
			.anyMatch((declaration) -> declaration.getNameAsString().startsWith("reactor."));
		if (!importsReactor) {
			return 0;
		}
		return (int) unit.findAll(MethodCallExpr.class).stream().filter(SourceMetrics::isReactorCall).count();
	}

	private static boolean isReactorCall(MethodCallExpr call) {
		Optional<Expression> scope = call.getScope();
		if (scope.isEmpty()) {
			return false;
		}
		if (scope.get() instanceof NameExpr name && REACTOR_TYPES.contains(name.getNameAsString())) {
			return true;
		}
		if (!OPERATORS.contains(call.getNameAsString())) {
			return false;
		}
		return !chainIsNotPublisher(scope.get()) && !declaredAsNonPublisher(call, scope.get());
	}

	/** {@code list.stream().map(..)}, {@code Optional.of(x).map(..)}. */
	private static boolean chainIsNotPublisher(Expression receiver) {
		Expression current = receiver;
		while (current instanceof MethodCallExpr call) {
			if (call.getNameAsString().equals("stream")) {
				return true;
			}
			Optional<Expression> scope = call.getScope();
			if (scope.isEmpty()) {
				return false;
			}
			if (scope.get() instanceof NameExpr name && NOT_PUBLISHERS.contains(name.getNameAsString())) {
				return true;
			}
			current = scope.get();
		}
		return false;
	}

	/** {@code commands.map(..)} where {@code commands} is an {@code Optional<..>}. */
	private static boolean declaredAsNonPublisher(MethodCallExpr call, Expression receiver) {
		String variable;
		if (receiver instanceof NameExpr name) {
			variable = name.getNameAsString();
		}
		else if (receiver instanceof FieldAccessExpr field && field.getScope() instanceof ThisExpr) {
			variable = field.getNameAsString();
		}
		else {
			return false;
		}
		return declaredType(call, variable).map((type) -> !PUBLISHERS.contains(type)).orElse(false);
	}

	/**
	 * The simple type name a variable, parameter or field was declared with, nearest
	 * scope first; empty when not found or declared without a type (lambda parameters).
	 */
	private static Optional<String> declaredType(Node at, String variable) {
		Optional<CallableDeclaration> callable = at.findAncestor(CallableDeclaration.class);
		if (callable.isPresent()) {
			for (VariableDeclarator declarator : callable.get().findAll(VariableDeclarator.class)) {
				if (declarator.getNameAsString().equals(variable)) {
					return Optional.of(simpleName(declarator.getType()));
				}
			}
			for (Object parameter : callable.get().getParameters()) {
				if (parameter instanceof Parameter declared && declared.getNameAsString().equals(variable)) {
					return Optional.of(simpleName(declared.getType()));
				}
			}
		}
		Optional<TypeDeclaration> type = at.findAncestor(TypeDeclaration.class);
		if (type.isPresent()) {
			for (Object field : type.get().getFields()) {
				for (VariableDeclarator declarator : ((FieldDeclaration) field).getVariables()) {
					if (declarator.getNameAsString().equals(variable)) {
						return Optional.of(simpleName(declarator.getType()));
					}
				}
			}
		}
		return Optional.empty();
	}

	private static String simpleName(Type type) {
		return (type instanceof ClassOrInterfaceType named) ? named.getNameAsString() : type.asString();
	}

}
