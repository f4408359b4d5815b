using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using GreedyTasks.Analyzers.Core;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace GreedyTasks.Analyzers;

/// <summary>
/// GT0003: finds synchronous calls in async code that have an awaitable alternative, and <c>using</c> of resources
/// whose <c>DisposeAsync</c> does real work.
/// </summary>
/// <remarks>
/// Precision comes from checking the call the fix would write, not a guess about it: the alternative is looked up
/// by name where the call stands (members of the receiver's type and its bases, and extension methods in scope),
/// the rewritten call is bound speculatively, and the method it binds to must take the synchronous call's parameters
/// in the same positions (extra trailing parameters optional, or a <c>CancellationToken</c> the fix passes), return
/// the awaitable of its result, not be obsolete and not be a function the call sits in. Most calls have no
/// <c>…Async</c> sibling: that answer is cached per method and scope for the compilation's lifetime, and a lookup is
/// skipped when no type, local function or import in scope has a member of the name (<see cref="ImportedAsyncNames"/>).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AsyncAlternativeAnalyzer : GreedyTasksAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.AsyncAlternative, Descriptors.AsyncDisposal, Descriptors.AsyncScope);

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context, WellKnownSymbols symbols, GreedyTasksOptions options)
    {
        var analysis = new CompilationAnalysis(symbols, options);
        context.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(analysis.AnalyzeUsing, OperationKind.Using, OperationKind.UsingDeclaration);
    }

    /// <summary>Per-compilation state. The cache is the only mutable state and is thread-safe.</summary>
    private sealed class CompilationAnalysis
    {
        private readonly WellKnownSymbols _symbols;
        private readonly GreedyTasksOptions _options;

        /// <summary>
        /// Call sites with no member named <c>…Async</c> in scope, keyed by what decides the lookup: the method, the
        /// namespace block (its usings bring extension methods into scope) and the calling type (accessibility).
        /// </summary>
        private readonly ConcurrentDictionary<LookupScope, bool> _noAlternative = new();

        /// <summary>An id per distinct set of namespaces and usings in scope, so files that import the same things share their lookups.</summary>
        private readonly ConcurrentDictionary<string, int> _scopeIdByImports = new(StringComparer.Ordinal);

        /// <summary>The scope id of each namespace block (or file), computed once.</summary>
        private readonly ConcurrentDictionary<(SyntaxTree Tree, int Block), int> _scopeIdByBlock = new();

        /// <summary>
        /// Whether a type (with its bases and interfaces) declares any member named like a method's <c>…Async</c> twin; then
        /// accessibility, and so the calling type, matters. Keyed by the type's definition and the method's name, which are
        /// all the answer depends on: a constructed type hashes as its definition, so <c>List&lt;A&gt;</c>,
        /// <c>List&lt;B&gt;</c>, … as keys would share one bucket and compare type arguments along it on every lookup.
        /// </summary>
        private readonly ConcurrentDictionary<(INamedTypeSymbol Definition, string MethodName), bool> _declaresTwinName = new();

        /// <summary>The <c>…Async</c> names imports and namespaces bring where a call stands, so most lookups that would find nothing are skipped.</summary>
        private readonly ImportedAsyncNames _importedNames = new();

        private int _nextScopeId;

        public CompilationAnalysis(WellKnownSymbols symbols, GreedyTasksOptions options)
        {
            _symbols = symbols;
            _options = options;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!IsSynchronousCandidate(method) || invocation.Syntax is not InvocationExpressionSyntax written)
            {
                return;
            }

            // x?.Flush(), x?.Output.Flush(), x?.y?[0].Flush(): looked up and bound as x.Flush(), x.Output.Flush(), x.y[0].Flush(),
            // reported without a fix (awaiting a conditional call would await null). Binding a call that still starts
            // with '.' or '[' outside its conditional access makes Roslyn throw.
            var isConditional = ConditionalAccessSyntax.StartsWithBinding(written.Expression);
            var syntax = isConditional ? ConditionalAccessSyntax.WithoutConditionalAccess(written) as InvocationExpressionSyntax : written;
            if (syntax is null || syntax.Expression is not (MemberAccessExpressionSyntax or SimpleNameSyntax))
            {
                return;
            }

            var asyncCode = AsyncCodeContext.Of(invocation, context.ContainingSymbol, _options);
            if (!asyncCode.AllowsAwait)
            {
                // Not async code (a synchronous lambda in an async method), or inside a lock body or catch filter where
                // await is illegal: nothing to offer. Checked before the cache key, which walks up to the namespace.
                return;
            }

            var isReducedCall = IsReducedExtensionCall(invocation, syntax);
            var receiver = method.IsExtensionMethod ? (isReducedCall ? invocation.Arguments[0].Value : null) : invocation.Instance;
            var receiverType = receiver?.WalkDownConversion().Type ?? receiver?.Type;
            var key = KeyOf(method, syntax, written, receiverType, context.ContainingSymbol.ContainingType, out var namesKey);

            // A local function is in scope only in its block, which the key does not tell: a miss by simple name holds
            // only where no local function of the twin's name is in scope.
            if ((_noAlternative.ContainsKey(namesKey) || (!namesKey.Equals(key) && _noAlternative.ContainsKey(key)))
                && (syntax.Expression is MemberAccessExpressionSyntax || !DeclaresLocalFunction(invocation, method.Name + "Async")))
            {
                return;
            }

            // The type's name first: List<T>.ForEach is common, and Parallel is resolved only when first asked for.
            if (method.Name == "ForEach" && method.ContainingType is { Name: "Parallel" } && SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.Parallel))
            {
                if (AwaitPlacement.CanInsertAwait(invocation, asyncCode))
                {
                    AnalyzeParallelForEach(context, invocation, syntax);
                }

                return;
            }

            if (IsAwaitable(method.ReturnType))
            {
                // A custom awaitable is already asynchronous.
                return;
            }

            if (IsExcluded(invocation, method, receiver, receiverType))
            {
                return;
            }

            var alternativeName = method.Name + "Async";
            var semanticModel = invocation.SemanticModel!;
            var lookup = PlanLookup(semanticModel, invocation, syntax, written, method, receiverType, alternativeName, context.ContainingSymbol);
            if (lookup == AlternativeLookup.None)
            {
                _noAlternative.TryAdd(namesKey, true);
                return;
            }

            if (lookup == AlternativeLookup.NoneTakesReceiver)
            {
                // Decided for this receiver's type only.
                _noAlternative.TryAdd(key, true);
                return;
            }

            // Dual-mode code (if (async) await x.ReadAsync(); else x.Read();) calls the synchronous twin on purpose. Asked
            // before the lookup, which costs tens of microseconds: in a dual-mode driver most calls with a twin are in the
            // synchronous branch (77 of Npgsql's 86 calls that reach this point). Not cached: the answer is per call.
            if (DualModeCode.IsSynchronousBranch(invocation))
            {
                return;
            }

            var candidates = LookupAlternatives(lookup, semanticModel, written.SpanStart, method, receiverType, alternativeName);
            if (candidates.IsEmpty)
            {
                _noAlternative.TryAdd(key, true);
                return;
            }

            // The costlier checks (they walk the function or ask the semantic model) run only for calls that have a candidate.
            if (!AwaitPlacement.CanInsertAwait(invocation, asyncCode) || InMemoryStreams.IsInMemory(receiver, _symbols))
            {
                return;
            }

            var syncParameterCount = method.Parameters.Length - (isReducedCall ? 1 : 0);
            var hasNamedArguments = syntax.HasNamedArgument();

            // Shape first; then, when a token is in scope, the overloads that take it are tried first so the fix forwards it.
            var shaped = ImmutableArray.CreateBuilder<(IMethodSymbol Candidate, IParameterSymbol? TokenParameter)>(candidates.Length);
            var anyTakesToken = false;
            foreach (var candidate in candidates)
            {
                if (TryGetTrailingToken(candidate, syncParameterCount, out var tokenParameter))
                {
                    shaped.Add((candidate, tokenParameter));
                    anyTakesToken |= tokenParameter is not null;
                }
            }

            var token = anyTakesToken ? CancellationTokenFinder.FindTokenInScope(invocation, context.ContainingSymbol, _symbols) : null;
            if (token is not null)
            {
                shaped.Sort((x, y) => (y.TokenParameter is not null).CompareTo(x.TokenParameter is not null));
            }

            // Overload resolution, not the candidate, decides what a rewritten call binds to: candidates that give the same
            // rewritten call (same token, passed the same way) are bound once. JsonSerializer.Deserialize has eight of them.
            var rewrittenForms = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (candidate, tokenParameter) in shaped)
            {
                var passToken = tokenParameter is not null && token is not null;
                var byName = passToken && (hasNamedArguments || tokenParameter!.Ordinal != syncParameterCount);
                if (!rewrittenForms.Add(!passToken ? string.Empty : byName ? tokenParameter!.Name : "(positional)"))
                {
                    continue;
                }

                var rewritten = AlternativeCallSyntax.Build(syntax, alternativeName, passToken ? token : null, byName ? tokenParameter!.Name : null);
                if (rewritten is null)
                {
                    return;
                }

                var bound = semanticModel.GetSpeculativeSymbolInfo(written.SpanStart, rewritten, SpeculativeBindingOption.BindAsExpression).Symbol as IMethodSymbol;
                if (bound is null || !IsValidAlternative(bound, method, isReducedCall, syncParameterCount, passToken, invocation, context.ContainingSymbol))
                {
                    continue;
                }

                if (CallsBothTwins(invocation, syntax, asyncCode, alternativeName))
                {
                    return;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                if (!isConditional)
                {
                    properties.Add(DiagnosticProperties.FixKind, DiagnosticProperties.FixKindAlternative);
                }

                properties.Add(DiagnosticProperties.AlternativeName, alternativeName);
                if (passToken)
                {
                    properties.Add(DiagnosticProperties.CancellationToken, token);
                    if (byName)
                    {
                        properties.Add(DiagnosticProperties.CancellationTokenParameter, tokenParameter!.Name);
                    }
                }

                context.ReportInHandWrittenCode(_symbols, Diagnostic.Create(
                    Descriptors.AsyncAlternative,
                    written.GetLocation(),
                    properties.ToImmutable(),
                    method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                    (bound.ReducedFrom ?? bound).ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
                return;
            }
        }

        /// <summary>
        /// The curated pair Parallel.ForEach → Parallel.ForEachAsync, for the overloads that have a twin: (source, body)
        /// and (source, options, body) with an <c>Action&lt;T&gt;</c> body, result unused. Without a rewritable lambda the
        /// call is reported without a fix.
        /// </summary>
        private void AnalyzeParallelForEach(OperationAnalysisContext context, IInvocationOperation invocation, InvocationExpressionSyntax syntax)
        {
            var definition = invocation.TargetMethod.OriginalDefinition;
            var parameters = definition.Parameters;
            var forEachAsync = _symbols.Parallel!.GetMembers("ForEachAsync");
            if (forEachAsync.IsEmpty || !invocation.IsResultUnused()
                || parameters.Length is < 2 or > 3
                || parameters[0].Type.OriginalDefinition.SpecialType != SpecialType.System_Collections_Generic_IEnumerable_T
                || !SymbolEqualityComparer.Default.Equals(parameters[parameters.Length - 1].Type.OriginalDefinition, _symbols.ActionOfT)
                || (parameters.Length == 3 && !SymbolEqualityComparer.Default.Equals(parameters[1].Type, _symbols.ParallelOptions)))
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            var rewritten = ParallelForEachSyntax.Build(syntax, CompletedValueTaskForBinding);
            var bound = rewritten is null ? null : invocation.SemanticModel!.GetSpeculativeSymbolInfo(syntax.SpanStart, rewritten, SpeculativeBindingOption.BindAsExpression).Symbol as IMethodSymbol;
            var alternative = bound is not null && bound.Name == "ForEachAsync" && !_symbols.IsObsolete(bound) ? bound : null;
            if (alternative is not null)
            {
                properties = properties.Add(DiagnosticProperties.FixKind, DiagnosticProperties.FixKindParallelForEach);
            }

            context.ReportInHandWrittenCode(_symbols, Diagnostic.Create(
                Descriptors.AsyncAlternative,
                syntax.GetLocation(),
                properties,
                invocation.TargetMethod.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                (alternative ?? (IMethodSymbol)forEachAsync[0]).ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
        }

        /// <summary>Fully qualified, so the speculative binding does not depend on the file's usings; the fix writes the simplified name.</summary>
        private static readonly ExpressionSyntax CompletedValueTaskForBinding = SyntaxFactory.ParseExpression("global::System.Threading.Tasks.ValueTask.CompletedTask");

        public void AnalyzeUsing(OperationAnalysisContext context)
        {
            var (isAsynchronous, declarators, resource, usingKeyword) = context.Operation switch
            {
                IUsingOperation statement => (statement.IsAsynchronous, (statement.Resources as IVariableDeclarationGroupOperation)?.Declarations, statement.Resources, (statement.Syntax as UsingStatementSyntax)?.UsingKeyword),
                IUsingDeclarationOperation declaration => (declaration.IsAsynchronous, declaration.DeclarationGroup.Declarations, null, (declaration.Syntax as LocalDeclarationStatementSyntax)?.UsingKeyword),
                _ => (true, null, null, null),
            };
            if (isAsynchronous || usingKeyword is not { } keyword || keyword.IsKind(SyntaxKind.None))
            {
                return;
            }

            var asyncCode = AsyncCodeContext.Of(context.Operation, context.ContainingSymbol, _options);
            if (!asyncCode.AllowsAwait)
            {
                return;
            }

            var exclusions = _options.ExclusionsFor(context.Operation.Syntax.SyntaxTree);
            var location = keyword.GetLocation();
            if (declarators is null)
            {
                // using (expression) { … }
                var type = resource?.WalkDownConversion().Type;
                if (type is not null && _symbols.HasOwnDisposeAsync(type) && !exclusions.IsTypeExcluded(type) && !InMemoryStreams.IsInMemory(resource, _symbols)
                    && AwaitPlacement.CanInsertAwait(context.Operation, asyncCode))
                {
                    ReportDisposal(context, location, type);
                }

                return;
            }

            ITypeSymbol? reportedType = null;
            var count = 0;
            foreach (var declaration in declarators)
            {
                foreach (var declarator in declaration.Declarators)
                {
                    count++;
                    var type = declarator.Symbol.Type;
                    if (count == 1 && TryReportAsyncScope(context, location, declaration, declarator, exclusions, asyncCode))
                    {
                        return;
                    }

                    // 'await using' needs every resource to be async-disposable; one with real async disposal makes it worth it.
                    if (!_symbols.IsAsyncDisposable(type))
                    {
                        return;
                    }

                    var initializer = (declarator.Initializer ?? declarator.GetVariableInitializer())?.Value;
                    if (reportedType is null && _symbols.HasOwnDisposeAsync(type) && !exclusions.IsTypeExcluded(type) && !InMemoryStreams.IsInMemory(initializer, _symbols))
                    {
                        reportedType = type;
                    }
                }
            }

            if (reportedType is not null && AwaitPlacement.CanInsertAwait(context.Operation, asyncCode))
            {
                ReportDisposal(context, location, reportedType);
            }
        }

        private void ReportDisposal(OperationAnalysisContext context, Location location, ITypeSymbol type)
        {
            context.ReportInHandWrittenCode(_symbols, Diagnostic.Create(
                Descriptors.AsyncDisposal,
                location,
                ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.FixKind, DiagnosticProperties.FixKindAwaitUsing),
                type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
        }

        /// <summary><c>using var scope = provider.CreateScope();</c> → <c>await using var scope = provider.CreateAsyncScope();</c>.</summary>
        private bool TryReportAsyncScope(OperationAnalysisContext context, Location location, IVariableDeclarationOperation declaration, IVariableDeclaratorOperation declarator, MethodExclusions exclusions, in AsyncCodeContext asyncCode)
        {
            var value = (declarator.Initializer ?? declarator.GetVariableInitializer())?.Value.WalkDownConversion();
            if (value is not IInvocationOperation { TargetMethod.Name: "CreateScope" } invocation
                || invocation.Syntax is not InvocationExpressionSyntax syntax
                || !(SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _symbols.ServiceProviderServiceExtensions)
                     || SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _symbols.ServiceScopeFactory)))
            {
                return false;
            }

            // 'await using IServiceScope s = …' does not compile (IServiceScope is not IAsyncDisposable): only 'var' takes the new type.
            if (declaration.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclarationSyntax { Type.IsVar: true }
                || exclusions.IsExcluded(invocation.TargetMethod, (invocation.Instance ?? (invocation.Arguments.IsEmpty ? null : invocation.Arguments[0].Value))?.WalkDownConversion().Type))
            {
                return false;
            }

            var rewritten = AlternativeCallSyntax.Build(syntax, "CreateAsyncScope", tokenName: null, tokenParameterName: null);
            var bound = rewritten is null ? null : invocation.SemanticModel!.GetSpeculativeSymbolInfo(syntax.SpanStart, rewritten, SpeculativeBindingOption.BindAsExpression).Symbol as IMethodSymbol;
            if (bound is null || _symbols.IsObsolete(bound) || _symbols.IAsyncDisposable is null
                || !bound.ReturnType.AllInterfaces.Contains(_symbols.IAsyncDisposable, SymbolEqualityComparer.Default))
            {
                return false;
            }

            if (!AwaitPlacement.CanInsertAwait(context.Operation, asyncCode))
            {
                // Nothing can be offered here (unsafe code, ref locals), and no other GT0003 report applies either.
                return true;
            }

            context.ReportInHandWrittenCode(_symbols, Diagnostic.Create(
                Descriptors.AsyncScope,
                location,
                ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.FixKind, DiagnosticProperties.FixKindAsyncScope),
                invocation.TargetMethod.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                (bound.ReducedFrom ?? bound).ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)));
            return true;
        }

        private bool IsSynchronousCandidate(IMethodSymbol method)
        {
            return method.MethodKind == MethodKind.Ordinary
                && !method.Name.EndsWith("Async", StringComparison.Ordinal)
                && (method.ReturnsVoid || !_symbols.IsTaskLike(method.ReturnType))
                && method.ReturnsByRef == false
                && method.ReturnsByRefReadonly == false
                && !IsNamedAwaitable(method.ReturnType);
        }

        /// <summary>
        /// Task.Yield() and ConfigureAwait(…) return custom awaitables and are among the most common calls in async code;
        /// they leave by their type's name before the cache key is built. Other custom awaitables are found later by
        /// <see cref="IsAwaitable"/>, after the cache, which saves asking each return type for a GetAwaiter member.
        /// </summary>
        private bool IsNamedAwaitable(ITypeSymbol returnType) => returnType.Name.EndsWith("Awaitable", StringComparison.Ordinal) && IsAwaitable(returnType);

        /// <summary>
        /// The negative-cache key of a call: what decides whether <see cref="LookupAlternatives"/> finds a member named
        /// <c>…Async</c>, branch by branch. On a receiver (<c>x.M()</c>, <c>x.Ext()</c>) the receiver's type, its members and
        /// the extension methods the imports bring in count: files with the same namespaces and usings share one lookup. On a
        /// type (<c>T.M()</c>, <c>Ext.M(x)</c>) only its static members count, whatever the imports. The calling type counts
        /// only when the looked-up type declares a member of the twin's name (private or protected ones depend on where the
        /// call is). A call by simple name sees everything in scope, so it keeps the file, namespace block and calling type;
        /// local functions, which the key leaves out, are checked where a miss is found in the cache.
        /// </summary>
        /// <param name="namesKey">
        /// The key of a miss that the name checks alone decide (<see cref="PlanLookup"/> returns None). On a receiver whose
        /// type declares no member of the twin's name, only the scope's extension names count, so every such receiver type
        /// shares it (receivers of a hundred DTO types calling ToString() make one entry, not a hundred). Otherwise the
        /// returned key itself.
        /// </param>
        private LookupScope KeyOf(IMethodSymbol method, InvocationExpressionSyntax syntax, InvocationExpressionSyntax written, ITypeSymbol? receiverType, INamedTypeSymbol? callingType, out LookupScope namesKey)
        {
            var definition = method.OriginalDefinition;
            if (syntax.Expression is not MemberAccessExpressionSyntax)
            {
                var block = syntax.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>()?.SpanStart ?? -1;
                namesKey = new LookupScope(definition, syntax.SyntaxTree, block, callingType, receiverType: null);
                return namesKey;
            }

            var onReceiver = !(method.IsStatic && !method.IsExtensionMethod) && receiverType is { TypeKind: not TypeKind.Error };
            var lookedUpType = onReceiver ? receiverType! : method.ContainingType;
            // The imports of the call as it stands in the file: for x?.M() the member access looked up is built, not in the tree.
            var scope = onReceiver ? ScopeIdOf(written) : -1;
            var declaresTwinName = DeclaresTwinName(lookedUpType, method);
            var caller = declaresTwinName ? callingType : null;
            // The receiver's type decides which members and which extension methods apply: Base.Save called on a derived
            // type that declares SaveAsync, or that an extension method takes, must not share the base type's miss.
            var key = new LookupScope(definition, tree: null, scope, caller, onReceiver ? receiverType : null);
            namesKey = onReceiver && !declaresTwinName ? new LookupScope(definition, tree: null, scope, callingType: null, receiverType: null) : key;
            return key;
        }

        private int ScopeIdOf(SyntaxNode call)
        {
            var block = call.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>();
            var blockKey = (call.SyntaxTree, block?.SpanStart ?? -1);
            if (_scopeIdByBlock.TryGetValue(blockKey, out var id))
            {
                return id;
            }

            // Extension methods come from the enclosing namespaces and from the usings of every enclosing block and the file.
            // The key is the source text of the names and directives: cut from the file's text, which costs a copy, where
            // ToString() on each node writes it out token by token (18 us per block on Polly.Core).
            var text = call.SyntaxTree.GetText();
            var imports = new System.Text.StringBuilder();
            for (var current = block; current is not null; current = current.Parent?.FirstAncestorOrSelf<BaseNamespaceDeclarationSyntax>())
            {
                imports.Append("namespace ").Append(text.ToString(current.Name.Span)).Append('{');
                AppendImports(imports, text, current.Externs, current.Usings);
            }

            if (call.SyntaxTree.GetRoot() is CompilationUnitSyntax unit)
            {
                AppendImports(imports, text, unit.Externs, unit.Usings);
            }

            id = _scopeIdByImports.GetOrAdd(imports.ToString(), _ => System.Threading.Interlocked.Increment(ref _nextScopeId));
            _scopeIdByBlock.TryAdd(blockKey, id);
            return id;
        }

        /// <summary>
        /// The text from the first extern alias or using directive to the last one: they come before any member, so only
        /// trivia lies between them (a comment or a disabled <c>#if</c> region makes the key differ, never wrongly match).
        /// </summary>
        private static void AppendImports(System.Text.StringBuilder imports, Microsoft.CodeAnalysis.Text.SourceText text, SyntaxList<ExternAliasDirectiveSyntax> externs, SyntaxList<UsingDirectiveSyntax> usings)
        {
            var start = externs.Count > 0 ? externs[0].SpanStart : usings.Count > 0 ? usings[0].SpanStart : -1;
            if (start < 0)
            {
                return;
            }

            var end = usings.Count > 0 ? usings[usings.Count - 1].Span.End : externs[externs.Count - 1].Span.End;
            imports.Append(text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, end))).Append('\n');
        }

        private bool DeclaresTwinName(ITypeSymbol type, IMethodSymbol method)
        {
            if (type is not INamedTypeSymbol named)
            {
                // An array, a type parameter, a pointer: counted as declaring it, so the lookup decides.
                return true;
            }

            // Type arguments change no member names, of the type or of its bases and interfaces.
            var definition = named.OriginalDefinition;
            var key = (definition, method.Name);
            if (_declaresTwinName.TryGetValue(key, out var declares))
            {
                return declares;
            }

            declares = HasMemberNamed(definition, method.Name + "Async");
            _declaresTwinName.TryAdd(key, declares);
            return declares;
        }

        private static bool HasMemberNamed(INamedTypeSymbol type, string name)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (current.MemberNames.Contains(name))
                {
                    return true;
                }
            }

            // A lookup on an interface searches its base interfaces. One on a class or struct does not: an interface member is
            // found there only through the type's own (implicit) implementation, which the walk above has seen; explicit
            // implementations and default interface members cannot be called on it. AllInterfaces is costly to build.
            if (type.TypeKind != TypeKind.Interface)
            {
                return false;
            }

            foreach (var face in type.AllInterfaces)
            {
                if (face.MemberNames.Contains(name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsReducedExtensionCall(IInvocationOperation invocation, InvocationExpressionSyntax syntax)
        {
            return invocation.TargetMethod.IsExtensionMethod
                && invocation.Arguments.Length > 0
                && syntax.Expression is MemberAccessExpressionSyntax memberAccess
                && invocation.Arguments[0].Value.Syntax.Span == memberAccess.Expression.Span;
        }

        private bool IsExcluded(IInvocationOperation invocation, IMethodSymbol method, IOperation? receiver, ITypeSymbol? receiverType)
        {
            if (_options.ExclusionsFor(invocation.Syntax.SyntaxTree).IsExcluded(method, receiverType))
            {
                return true;
            }

            // Zero-timeout probes (SemaphoreSlim.Wait(0)) return at once.
            if (TimeoutArguments.HasZeroTimeout(invocation, _symbols))
            {
                return true;
            }

            // Console.In / Out / Error: the console reader and writers are synchronous underneath; their async methods only wrap the same work.
            if (receiver?.WalkDownConversion() is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "In" or "Out" or "Error" } property }
                && SymbolEqualityComparer.Default.Equals(property.ContainingType, _symbols.Console))
            {
                return true;
            }

            // x.Dispose() → DisposeAsync() only where DisposeAsync does more than call Dispose.
            return method.Name == "Dispose" && method.Parameters.IsEmpty && (receiverType is null || !_symbols.HasOwnDisposeAsync(receiverType));
        }

        /// <summary>
        /// Which lookup can find an alternative named <paramref name="name"/>, from the names in scope alone, or
        /// <see cref="AlternativeLookup.None"/>: the lookups cost tens of microseconds each (a receiver lookup tries every
        /// extension method of the name in scope against the receiver), and most calls have no member of the name in reach.
        /// </summary>
        private AlternativeLookup PlanLookup(SemanticModel semanticModel, IInvocationOperation invocation, InvocationExpressionSyntax syntax, InvocationExpressionSyntax written, IMethodSymbol method, ITypeSymbol? receiverType, string name, ISymbol containingSymbol)
        {
            if (syntax.Expression is not MemberAccessExpressionSyntax)
            {
                // Implicit this, using static, or a method of an enclosing type: whatever the name means in scope.
                return MayFindBySimpleName(semanticModel, invocation, written, method, name, containingSymbol) ? AlternativeLookup.BySimpleName : AlternativeLookup.None;
            }

            if (method.IsStatic && !method.IsExtensionMethod)
            {
                // T.M(): only the static members of T and its bases can answer.
                return DeclaresTwinName(method.ContainingType, method) ? AlternativeLookup.StaticMembers : AlternativeLookup.None;
            }

            if (receiverType is not null && receiverType.TypeKind != TypeKind.Error)
            {
                if (DeclaresTwinName(receiverType, method))
                {
                    return AlternativeLookup.OnReceiver;
                }

                var position = ImportsPosition(written);
                var scopeId = ScopeIdOf(written);
                if (!_importedNames.ExtensionMethodMayBeInScope(semanticModel, position, scopeId, containingSymbol.ContainingNamespace, name))
                {
                    return AlternativeLookup.None;
                }

                // .NET 10's System.Linq brings ToListAsync, CountAsync, AnyAsync, … into every scope that uses LINQ; they
                // take IAsyncEnumerable<T>, so ToList() on a List<T> would pay a lookup for each receiver type.
                return _importedNames.ExtensionMayTake(semanticModel, position, scopeId, containingSymbol.ContainingNamespace, name, receiverType)
                    ? AlternativeLookup.OnReceiver
                    : AlternativeLookup.NoneTakesReceiver;
            }

            return method.IsExtensionMethod && DeclaresTwinName(method.ContainingType, method) ? AlternativeLookup.StaticMembers : AlternativeLookup.None;
        }

        private static ImmutableArray<IMethodSymbol> LookupAlternatives(AlternativeLookup lookup, SemanticModel semanticModel, int position, IMethodSymbol method, ITypeSymbol? receiverType, string name)
        {
            var found = lookup switch
            {
                AlternativeLookup.BySimpleName => semanticModel.LookupSymbols(position, container: null, name: name),
                AlternativeLookup.StaticMembers => semanticModel.LookupStaticMembers(position, method.ContainingType, name),
                AlternativeLookup.OnReceiver => semanticModel.LookupSymbols(position, receiverType, name, includeReducedExtensionMethods: true),
                _ => ImmutableArray<ISymbol>.Empty,
            };

            var builder = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var symbol in found)
            {
                if (symbol is IMethodSymbol candidate)
                {
                    builder.Add(candidate);
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>
        /// Whether a method named <paramref name="name"/> can be found by simple name at the call: a member of an enclosing
        /// type or its bases, a local function in an enclosing block, or a static member of a <c>using static</c> type.
        /// </summary>
        private bool MayFindBySimpleName(SemanticModel semanticModel, IOperation invocation, InvocationExpressionSyntax syntax, IMethodSymbol method, string name, ISymbol containingSymbol)
        {
            for (var type = containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType; type is not null; type = type.ContainingType)
            {
                if (DeclaresTwinName(type, method))
                {
                    return true;
                }
            }

            return DeclaresLocalFunction(invocation, name)
                || _importedNames.StaticImportMayHave(semanticModel, ImportsPosition(syntax), ScopeIdOf(syntax), name);
        }

        /// <summary>
        /// A position with the same imports as <paramref name="call"/> outside any member body: the start of the declaration
        /// the call is in, directly under its namespace or file. The semantic model answers there without the member's
        /// binder, which the first question inside a member has to build.
        /// </summary>
        private static int ImportsPosition(SyntaxNode call)
        {
            var declaration = call;
            for (var parent = call.Parent; parent is not null and not (BaseNamespaceDeclarationSyntax or CompilationUnitSyntax); parent = parent.Parent)
            {
                declaration = parent;
            }

            return declaration.SpanStart;
        }

        /// <summary>A local function is in scope in the whole block (or switch section) that declares it.</summary>
        private static bool DeclaresLocalFunction(IOperation operation, string name)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                var statements = current switch
                {
                    IBlockOperation block => block.Operations,
                    ISwitchCaseOperation section => section.Body,
                    _ => default,
                };
                if (statements.IsDefault)
                {
                    continue;
                }

                foreach (var statement in statements)
                {
                    if (statement is ILocalFunctionOperation localFunction && localFunction.Symbol.Name == name)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Checks the shape of the parameters past the synchronous call's: each optional, or one CancellationToken
        /// (returned in <paramref name="tokenParameter"/>). Binding decides the rest.
        /// </summary>
        private bool TryGetTrailingToken(IMethodSymbol candidate, int syncParameterCount, out IParameterSymbol? tokenParameter)
        {
            tokenParameter = null;
            if (candidate.Parameters.Length < syncParameterCount)
            {
                return false;
            }

            for (var i = syncParameterCount; i < candidate.Parameters.Length; i++)
            {
                var parameter = candidate.Parameters[i];
                if (_symbols.IsCancellationToken(parameter.Type) && tokenParameter is null)
                {
                    tokenParameter = parameter;
                }
                else if (!parameter.IsOptional && !parameter.IsParams)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The rules of RULES.md, "How GT0003 finds an async alternative", applied to the method the rewritten call binds to.</summary>
        private bool IsValidAlternative(IMethodSymbol bound, IMethodSymbol method, bool isReducedCall, int syncParameterCount, bool tokenPassed, IInvocationOperation invocation, ISymbol containingSymbol)
        {
            var boundDefinition = (bound.ReducedFrom ?? bound).OriginalDefinition;
            if (_symbols.IsObsolete(bound) || _symbols.IsObsolete(boundDefinition) || IsEnclosingFunction(boundDefinition, invocation, containingSymbol) || IsInEnclosingFamily(boundDefinition, containingSymbol))
            {
                return false;
            }

            // Leading parameters by position: same type, same ref kind.
            var syncOffset = isReducedCall ? 1 : 0;
            var boundOffset = bound.MethodKind == MethodKind.ReducedExtension || !bound.IsExtensionMethod ? 0 : (isReducedCall ? 1 : 0);
            if (bound.Parameters.Length - boundOffset < syncParameterCount)
            {
                return false;
            }

            for (var i = 0; i < syncParameterCount; i++)
            {
                var expected = method.Parameters[i + syncOffset];
                var actual = bound.Parameters[i + boundOffset];
                if (expected.RefKind != actual.RefKind || expected.IsParams != actual.IsParams || !SymbolEqualityComparer.Default.Equals(expected.Type, actual.Type)
                    || IsPermutedParameter(expected, bound, boundOffset, syncParameterCount, i))
                {
                    return false;
                }
            }

            for (var i = syncParameterCount + boundOffset; i < bound.Parameters.Length; i++)
            {
                var extra = bound.Parameters[i];
                if (!extra.IsOptional && !(tokenPassed && _symbols.IsCancellationToken(extra.Type)))
                {
                    return false;
                }
            }

            return ReturnsAwaitableOf(bound.ReturnType, method);
        }

        /// <summary><c>void</c> → <c>Task</c>/<c>ValueTask</c>; <c>T</c> → <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>.</summary>
        private bool ReturnsAwaitableOf(ITypeSymbol returnType, IMethodSymbol method)
        {
            if (method.ReturnsVoid)
            {
                return SymbolEqualityComparer.Default.Equals(returnType, _symbols.Task) || SymbolEqualityComparer.Default.Equals(returnType, _symbols.ValueTask);
            }

            return returnType is INamedTypeSymbol { TypeArguments.Length: 1 } named
                && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _symbols.TaskOfT) || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _symbols.ValueTaskOfT))
                && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], method.ReturnType);
        }

        /// <summary>
        /// Both twins of a hook are invoked on purpose, with the same receiver and arguments
        /// (<c>module.BeforeExecute(c); await module.BeforeExecuteAsync(c);</c>): the synchronous call is deliberate.
        /// </summary>
        private static bool CallsBothTwins(IOperation invocation, InvocationExpressionSyntax syntax, in AsyncCodeContext asyncCode, string alternativeName)
        {
            var body = asyncCode.FunctionBody(invocation);
            var receiver = syntax.Expression is MemberAccessExpressionSyntax memberAccess ? memberAccess.Expression.ToString() : string.Empty;
            var arguments = syntax.ArgumentList.Arguments.ToString();
            foreach (var operation in body.DescendantsInSameFunction())
            {
                if (operation is IAwaitOperation await
                    && await.Operation.WithoutConfigureAwait() is IInvocationOperation { Syntax: InvocationExpressionSyntax awaited } twin
                    && twin.TargetMethod.Name == alternativeName
                    && (awaited.Expression is MemberAccessExpressionSyntax twinAccess ? twinAccess.Expression.ToString() : string.Empty) == receiver
                    && awaited.ArgumentList.Arguments.ToString() == arguments)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A renamed parameter is fine (<c>value</c> vs <c>text</c>); one whose name belongs to another leading parameter
        /// of the alternative means the order differs (<c>Copy(source, destination)</c> vs <c>CopyAsync(destination, source)</c>).
        /// </summary>
        private static bool IsPermutedParameter(IParameterSymbol expected, IMethodSymbol bound, int boundOffset, int syncParameterCount, int index)
        {
            if (bound.Parameters[index + boundOffset].Name == expected.Name)
            {
                return false;
            }

            for (var j = 0; j < syncParameterCount; j++)
            {
                if (j != index && bound.Parameters[j + boundOffset].Name == expected.Name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The alternative is an overload of the method the call is written in (<c>ComputeAsync()</c> forwarding to
        /// <c>ComputeAsync(ct)</c>) or the base method it overrides (<c>Stream.FlushAsync()</c> calling the virtual
        /// <c>FlushAsync(ct)</c>): calling it from here would recurse.
        /// </summary>
        private static bool IsInEnclosingFamily(IMethodSymbol alternative, ISymbol containingSymbol)
        {
            return containingSymbol is IMethodSymbol enclosing
                && enclosing.Name == alternative.Name
                && (SymbolEqualityComparer.Default.Equals(enclosing.ContainingType.OriginalDefinition, alternative.ContainingType.OriginalDefinition)
                    || WellKnownSymbols.DerivesFrom(enclosing.ContainingType, alternative.ContainingType.OriginalDefinition));
        }

        /// <summary>A task, or any type with an instance <c>GetAwaiter()</c>: the method is already asynchronous.</summary>
        private bool IsAwaitable(ITypeSymbol type)
        {
            if (_symbols.IsTaskLike(type))
            {
                return true;
            }

            foreach (var member in type.GetMembers("GetAwaiter"))
            {
                if (member is IMethodSymbol { IsStatic: false, Parameters.IsEmpty: true })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The recursion guard: the alternative must not be the method, local function or lambda the call is written in.</summary>
        private static bool IsEnclosingFunction(IMethodSymbol alternative, IOperation operation, ISymbol containingSymbol)
        {
            if (SymbolEqualityComparer.Default.Equals(alternative, containingSymbol.OriginalDefinition))
            {
                return true;
            }

            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is ILocalFunctionOperation localFunction && SymbolEqualityComparer.Default.Equals(alternative, localFunction.Symbol.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>What decides whether a name lookup at a call site can find an alternative: see <c>_noAlternative</c>.</summary>
internal readonly struct LookupScope : System.IEquatable<LookupScope>
{
    private readonly IMethodSymbol _method;
    private readonly SyntaxTree? _tree;
    private readonly int _scope;
    private readonly INamedTypeSymbol? _callingType;
    private readonly ITypeSymbol? _receiverType;

    /// <param name="method">The called method's definition.</param>
    /// <param name="tree">The file, when the lookup depends on it beyond its imports; otherwise null.</param>
    /// <param name="scope">The namespace block in <paramref name="tree"/>, or the id of the imports in scope.</param>
    /// <param name="callingType">The type the call is in, when accessibility can change the result; otherwise null.</param>
    /// <param name="receiverType">The type looked up on, for a call on a receiver; otherwise null.</param>
    public LookupScope(IMethodSymbol method, SyntaxTree? tree, int scope, INamedTypeSymbol? callingType, ITypeSymbol? receiverType)
    {
        _method = method;
        _tree = tree;
        _scope = scope;
        _callingType = callingType;
        _receiverType = receiverType;
    }

    public bool Equals(LookupScope other) =>
        SymbolEqualityComparer.Default.Equals(_method, other._method)
        && _tree == other._tree
        && _scope == other._scope
        && SymbolEqualityComparer.Default.Equals(_callingType, other._callingType)
        && SymbolEqualityComparer.Default.Equals(_receiverType, other._receiverType);

    public override bool Equals(object? obj) => obj is LookupScope other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = SymbolEqualityComparer.Default.GetHashCode(_method);
            hash = (hash * 397) ^ (_tree?.GetHashCode() ?? 0);
            hash = (hash * 397) ^ _scope;
            hash = (hash * 397) ^ SymbolEqualityComparer.Default.GetHashCode(_callingType);
            return (hash * 397) ^ SymbolEqualityComparer.Default.GetHashCode(_receiverType);
        }
    }
}

/// <summary>The semantic-model lookup that can find a call's <c>…Async</c> alternative.</summary>
internal enum AlternativeLookup
{
    /// <summary>No member of the name is in reach: nothing to look up.</summary>
    None,

    /// <summary>
    /// Extension methods of the name are in scope but none can take the receiver's type (an identity, reference or
    /// boxing conversion to its <c>this</c> parameter's type is impossible): nothing to look up, for this receiver type.
    /// </summary>
    NoneTakesReceiver,

    /// <summary>A call by simple name: whatever the name means in scope.</summary>
    BySimpleName,

    /// <summary><c>T.M()</c> or <c>Ext.M(x)</c>: the static members of the method's type.</summary>
    StaticMembers,

    /// <summary><c>x.M()</c>: the members of the receiver's type and the extension methods in scope that take it.</summary>
    OnReceiver,
}
