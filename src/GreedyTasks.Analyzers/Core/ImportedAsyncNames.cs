using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// Which <c>…Async</c> method names the namespaces and imports of a scope can bring to a call, per compilation: the
/// extension methods of the enclosing namespaces and of every import (the file's, its namespace blocks' and the global
/// ones, <c>using static</c> types included), and the static members of the <c>using static</c> types.
/// </summary>
/// <remarks>
/// Only "no" is used: GT0003 then skips a <c>LookupSymbols</c> call that would find nothing. A receiver lookup with
/// extension methods tries every extension method of the name in scope against the receiver, and a lookup by simple
/// name walks every scope; each costs tens of microseconds on a large code base. The answer can only be too generous (a
/// name that exists but does not apply), never too strict: it looks at every type the compiler's lookup looks at.
/// </remarks>
internal sealed class ImportedAsyncNames
{
    private const string AsyncSuffix = "Async";

    private readonly ConcurrentDictionary<INamespaceOrTypeSymbol, HashSet<string>> _extensionNamesByContainer = new(SymbolEqualityComparer.Default);

    /// <summary>Per scope, one set per namespace or type searched for extension methods (the sets are shared between scopes).</summary>
    private readonly ConcurrentDictionary<int, HashSet<string>[]> _extensionNamesByScope = new();

    /// <summary>Per scope, the names the <c>using static</c> types bring. Kept apart from the extension names: a call by simple
    /// name needs only these, and most scopes have no <c>using static</c>, so it never enumerates a namespace.</summary>
    private readonly ConcurrentDictionary<int, HashSet<string>> _staticImportNamesByScope = new();

    /// <summary>False when no extension method named <paramref name="name"/> (which ends in <c>Async</c>) can be in scope at <paramref name="position"/>.</summary>
    /// <param name="scopeId">An id that is equal only for positions with the same enclosing namespaces and imports.</param>
    /// <param name="enclosingNamespace">The namespace the call is written in.</param>
    public bool ExtensionMethodMayBeInScope(SemanticModel semanticModel, int position, int scopeId, INamespaceSymbol? enclosingNamespace, string name)
    {
        if (!_extensionNamesByScope.TryGetValue(scopeId, out var scope))
        {
            scope = _extensionNamesByScope.GetOrAdd(scopeId, CollectExtensionNames(semanticModel, position, enclosingNamespace));
        }

        foreach (var names in scope)
        {
            if (names.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>False when no <c>using static</c> import in scope at <paramref name="position"/> brings a member named <paramref name="name"/>.</summary>
    public bool StaticImportMayHave(SemanticModel semanticModel, int position, int scopeId, string name)
    {
        if (!_staticImportNamesByScope.TryGetValue(scopeId, out var names))
        {
            names = _staticImportNamesByScope.GetOrAdd(scopeId, CollectStaticImportNames(semanticModel, position));
        }

        return names.Contains(name);
    }

    private HashSet<string>[] CollectExtensionNames(SemanticModel semanticModel, int position, INamespaceSymbol? enclosingNamespace)
    {
        var extensionNames = new List<HashSet<string>>();
        for (var current = enclosingNamespace; current is not null; current = current.ContainingNamespace)
        {
            extensionNames.Add(ExtensionNamesIn(current));
        }

        foreach (var importScope in semanticModel.GetImportScopes(position))
        {
            foreach (var import in importScope.Imports)
            {
                if (import.NamespaceOrType is { } imported)
                {
                    extensionNames.Add(ExtensionNamesIn(imported));
                }
            }
        }

        return extensionNames.ToArray();
    }

    private static HashSet<string> CollectStaticImportNames(SemanticModel semanticModel, int position)
    {
        var staticImportNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var importScope in semanticModel.GetImportScopes(position))
        {
            foreach (var import in importScope.Imports)
            {
                if (import.NamespaceOrType is INamedTypeSymbol type)
                {
                    // using static T: T's static members (and, generously, its bases' ones) are callable by simple name.
                    for (var current = type; current is not null; current = current.BaseType)
                    {
                        AddAsyncNames(current.MemberNames, staticImportNames);
                    }
                }
            }
        }

        return staticImportNames;
    }

    private HashSet<string> ExtensionNamesIn(INamespaceOrTypeSymbol container)
    {
        if (_extensionNamesByContainer.TryGetValue(container, out var names))
        {
            return names;
        }

        names = new HashSet<string>(StringComparer.Ordinal);
        if (container is INamespaceSymbol @namespace)
        {
            foreach (var type in @namespace.GetTypeMembers())
            {
                AddExtensionNames(type, names);
            }
        }
        else if (container is INamedTypeSymbol type)
        {
            // using static T: T's own extension methods are in scope.
            AddExtensionNames(type, names);
        }

        return _extensionNamesByContainer.GetOrAdd(container, names);
    }

    private static void AddExtensionNames(INamedTypeSymbol type, HashSet<string> names)
    {
        // The compiler's own test for a container of extension methods; it holds for a static class with C# 14 extension
        // blocks too, whose members are among its member names (pinned by a test on the current Roslyn).
        if (type.MightContainExtensionMethods)
        {
            AddAsyncNames(type.MemberNames, names);
        }
    }

    private static void AddAsyncNames(IEnumerable<string> memberNames, HashSet<string> names)
    {
        foreach (var memberName in memberNames)
        {
            if (memberName.EndsWith(AsyncSuffix, StringComparison.Ordinal))
            {
                names.Add(memberName);
            }
        }
    }
}
