using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>Per scope, the namespaces and types searched for extension methods, each with its <c>…Async</c> extension names (the sets are shared between scopes).</summary>
    private readonly ConcurrentDictionary<int, (INamespaceOrTypeSymbol Container, HashSet<string> Names)[]> _extensionsByScope = new();

    /// <summary>Per scope and name, the <c>this</c> parameter type of each extension method of that name (null: not a classic extension method, may take anything).</summary>
    private readonly ConcurrentDictionary<(int Scope, string Name), ITypeSymbol?[]> _receiverTypesByScopeAndName = new();

    /// <summary>Per scope, the names the <c>using static</c> types bring. Kept apart from the extension names: a call by simple
    /// name needs only these, and most scopes have no <c>using static</c>, so it never enumerates a namespace.</summary>
    private readonly ConcurrentDictionary<int, HashSet<string>> _staticImportNamesByScope = new();

    /// <summary>False when no extension method named <paramref name="name"/> (which ends in <c>Async</c>) can be in scope at <paramref name="position"/>.</summary>
    /// <param name="scopeId">An id that is equal only for positions with the same enclosing namespaces and imports.</param>
    /// <param name="enclosingNamespace">The namespace the call is written in.</param>
    public bool ExtensionMethodMayBeInScope(SemanticModel semanticModel, int position, int scopeId, INamespaceSymbol? enclosingNamespace, string name)
    {
        foreach (var (_, names) in ExtensionsOf(semanticModel, position, scopeId, enclosingNamespace))
        {
            if (names.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False when no extension method named <paramref name="name"/> in scope can take <paramref name="receiverType"/>:
    /// a classic extension method applies only through an identity, implicit reference or boxing conversion to its
    /// <c>this</c> parameter's type, so that type's definition must be the receiver's, one of its base types' or one of
    /// its interfaces'. Anything this does not decide (a generic <c>this T</c>, <c>object</c>, an array, a nullable
    /// value type, a type parameter as receiver, a C# 14 extension member) counts as "may".
    /// </summary>
    public bool ExtensionMayTake(SemanticModel semanticModel, int position, int scopeId, INamespaceSymbol? enclosingNamespace, string name, ITypeSymbol receiverType)
    {
        if (receiverType is not INamedTypeSymbol receiver || receiver.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return true;
        }

        var key = (scopeId, name);
        if (!_receiverTypesByScopeAndName.TryGetValue(key, out var receiverTypes))
        {
            receiverTypes = _receiverTypesByScopeAndName.GetOrAdd(key, CollectReceiverTypes(ExtensionsOf(semanticModel, position, scopeId, enclosingNamespace), name));
        }

        foreach (var thisType in receiverTypes)
        {
            if (thisType is not INamedTypeSymbol named || named.SpecialType == SpecialType.System_Object || CanConvertByDefinition(receiver, named.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CanConvertByDefinition(INamedTypeSymbol receiver, INamedTypeSymbol target)
    {
        for (var current = receiver; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        foreach (var face in receiver.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(face.OriginalDefinition, target))
            {
                return true;
            }
        }

        return false;
    }

    private static ITypeSymbol?[] CollectReceiverTypes((INamespaceOrTypeSymbol Container, HashSet<string> Names)[] extensions, string name)
    {
        var receiverTypes = new List<ITypeSymbol?>();
        foreach (var (container, names) in extensions)
        {
            // Only the containers whose extension names have it: the others' types are not enumerated again.
            if (!names.Contains(name))
            {
                continue;
            }

            if (container is INamespaceSymbol @namespace)
            {
                foreach (var type in @namespace.GetTypeMembers())
                {
                    AddReceiverTypes(type, name, receiverTypes);
                }
            }
            else if (container is INamedTypeSymbol type)
            {
                AddReceiverTypes(type, name, receiverTypes);
            }
        }

        return receiverTypes.ToArray();
    }

    private static void AddReceiverTypes(INamedTypeSymbol type, string name, List<ITypeSymbol?> receiverTypes)
    {
        // MemberNames, which a type from metadata reads without creating its member symbols, before GetMembers.
        if (!type.MightContainExtensionMethods || !type.MemberNames.Contains(name))
        {
            return;
        }

        var anyMethod = false;
        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol { IsExtensionMethod: true, Parameters.Length: > 0 } method)
            {
                receiverTypes.Add(method.Parameters[0].Type);
                anyMethod = true;
            }
        }

        if (!anyMethod)
        {
            // A member of the name that is no classic extension method (a C# 14 extension block's member): undecided.
            receiverTypes.Add(null);
        }
    }

    private (INamespaceOrTypeSymbol Container, HashSet<string> Names)[] ExtensionsOf(SemanticModel semanticModel, int position, int scopeId, INamespaceSymbol? enclosingNamespace)
    {
        if (!_extensionsByScope.TryGetValue(scopeId, out var scope))
        {
            var containers = CollectExtensionContainers(semanticModel, position, enclosingNamespace);
            scope = _extensionsByScope.GetOrAdd(scopeId, Array.ConvertAll(containers, container => (container, ExtensionNamesIn(container))));
        }

        return scope;
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

    private static INamespaceOrTypeSymbol[] CollectExtensionContainers(SemanticModel semanticModel, int position, INamespaceSymbol? enclosingNamespace)
    {
        var containers = new List<INamespaceOrTypeSymbol>();
        for (var current = enclosingNamespace; current is not null; current = current.ContainingNamespace)
        {
            containers.Add(current);
        }

        foreach (var importScope in semanticModel.GetImportScopes(position))
        {
            foreach (var import in importScope.Imports)
            {
                if (import.NamespaceOrType is { } imported)
                {
                    containers.Add(imported);
                }
            }
        }

        return containers.ToArray();
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
