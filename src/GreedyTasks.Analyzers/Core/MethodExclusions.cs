using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace GreedyTasks.Analyzers.Core;

/// <summary>
/// The methods and types whose calls GT0003 never reports, as documentation comment IDs: <c>T:</c> excludes a type
/// (and the types derived from it), <c>M:</c> a method; an <c>M:</c> entry without a parameter list excludes every
/// overload. Entries come from the defaults shipped with the package, <c>greedy_tasks.excluded_methods</c>
/// (<c>|</c>-separated) and AdditionalFiles named <c>GreedyTasks.ExcludedMethods.txt</c> (one ID per line, <c>#</c>
/// comments). Malformed entries are skipped here and reported by the configuration analyzer (GT0100).
/// </summary>
internal sealed class MethodExclusions
{
    /// <summary>Excluded by default, with the reason in the comment. Documented in docs/rules/GT0003.md.</summary>
    public static readonly ImmutableArray<string> Defaults = ImmutableArray.Create(
        // In-memory streams, readers and writers complete synchronously; the async twin only adds a state machine.
        "T:System.IO.MemoryStream",
        "T:System.IO.UnmanagedMemoryStream",
        "T:System.IO.StringReader",
        "T:System.IO.StringWriter",
        // XmlReader/XmlWriter async methods throw unless the reader or writer was created with Async = true.
        "T:System.Xml.XmlReader",
        "T:System.Xml.XmlWriter",
        // LINQ to XML over a given reader or writer: the async twins go through its async methods, which throw the same way.
        "M:System.Xml.Linq.XDocument.Load(System.Xml.XmlReader,System.Xml.Linq.LoadOptions)",
        "M:System.Xml.Linq.XElement.Load(System.Xml.XmlReader,System.Xml.Linq.LoadOptions)",
        "M:System.Xml.Linq.XNode.ReadFrom(System.Xml.XmlReader)",
        "M:System.Xml.Linq.XDocument.Save(System.Xml.XmlWriter)",
        "M:System.Xml.Linq.XElement.Save(System.Xml.XmlWriter)",
        "M:System.Xml.Linq.XNode.WriteTo(System.Xml.XmlWriter)",
        // EF Core: AddAsync exists only for special value generators; Add does no I/O. CreateDbContext does no I/O either.
        "M:Microsoft.EntityFrameworkCore.DbSet`1.Add",
        "M:Microsoft.EntityFrameworkCore.DbSet`1.AddRange",
        "M:Microsoft.EntityFrameworkCore.DbContext.Add",
        "M:Microsoft.EntityFrameworkCore.DbContext.AddRange",
        "M:Microsoft.EntityFrameworkCore.IDbContextFactory`1.CreateDbContext",
        // Disposing a registration only waits while its callback is running on another thread; callbacks are short.
        "T:System.Threading.CancellationTokenRegistration",
        // Disposing a timer stops it and returns; DisposeAsync also waits for a running callback: not a non-blocking twin.
        "T:System.Threading.Timer",
        "T:System.Threading.ITimer",
        // Completing a TaskCompletionSource never blocks on I/O; "async" setters in libraries only move continuations to the pool.
        "T:System.Threading.Tasks.TaskCompletionSource",
        "T:System.Threading.Tasks.TaskCompletionSource`1",
        // Cancel runs the registered callbacks inline; CancelAsync only helps in narrow cases and changes timing.
        "M:System.Threading.CancellationTokenSource.Cancel",
        // Blocking on tasks is GT0001's: its fixes, not WaitAsync, are the right rewrite.
        "M:System.Threading.Tasks.Task.Wait",
        "M:System.Threading.Tasks.Task.WaitAll",
        "M:System.Threading.Tasks.Task.WaitAny");

    private readonly HashSet<string> _types;
    private readonly HashSet<string> _methods;

    /// <summary>The names of the excluded methods, so that most calls are cleared without building a documentation id.</summary>
    private readonly HashSet<string> _methodNames;

    /// <summary>The simple names of the excluded types (<c>T:N.List`1</c> → <c>List</c>), for the same reason.</summary>
    private readonly HashSet<string> _typeNames;

    private MethodExclusions(HashSet<string> types, HashSet<string> methods)
    {
        _types = types;
        _methods = methods;
        _methodNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in methods)
        {
            _methodNames.Add(MethodNameOf(method));
        }

        _typeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            _typeNames.Add(TypeNameOf(type));
        }
    }

    /// <summary>The name a type id body gives its type, as <see cref="ISymbol.Name"/> spells it: <c>N.Outer.List`1</c> → <c>List</c>.</summary>
    private static string TypeNameOf(string body)
    {
        var name = body.Substring(body.LastIndexOf('.') + 1);
        var arity = name.IndexOf('`');
        return arity < 0 ? name : name.Substring(0, arity);
    }

    /// <summary>
    /// The method name an id body names (<c>N.T.Name``1(args)</c> → <c>Name</c>, <c>N.T.#ctor</c> → <c>.ctor</c>). An
    /// explicit interface implementation's name stays spelled as in its id; it cannot be called by that name, so neither
    /// this set nor the documentation ids ever match it.
    /// </summary>
    private static string MethodNameOf(string body)
    {
        var end = body.IndexOf('(');
        var name = end < 0 ? body : body.Substring(0, end);
        var generic = name.IndexOf("``", StringComparison.Ordinal);
        name = generic < 0 ? name : name.Substring(0, generic);
        name = name.Substring(name.LastIndexOf('.') + 1);
        if (name.Length > 0 && name[0] == '#')
        {
            name = "." + name.Substring(1);
        }

        return name;
    }

    public static MethodExclusions Create(IEnumerable<string> entries)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        var methods = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!IsWellFormed(entry))
            {
                continue;
            }

            (entry[0] == 'T' ? types : methods).Add(entry.Substring(2));
        }

        return new MethodExclusions(types, methods);
    }

    /// <summary>Splits a <c>greedy_tasks.excluded_methods</c> value or an exclusion file into trimmed entries; blank entries and <c>#</c> comments are dropped.</summary>
    public static IEnumerable<string> Split(string text, params char[] separators)
    {
        foreach (var raw in text.Split(separators))
        {
            var entry = raw.Trim();
            if (entry.Length > 0 && entry[0] != '#')
            {
                yield return entry;
            }
        }
    }

    /// <summary>An entry is <c>T:</c> or <c>M:</c> followed by a dotted name without white space.</summary>
    public static bool IsWellFormed(string entry)
    {
        if (entry.Length < 3 || entry[1] != ':' || (entry[0] != 'T' && entry[0] != 'M') || entry[2] == '.' || entry[entry.Length - 1] == '.')
        {
            return false;
        }

        for (var i = 2; i < entry.Length; i++)
        {
            if (char.IsWhiteSpace(entry[i]) || entry[i] == '|' || entry[i] == ';')
            {
                return false;
            }
        }

        return true;
    }

    public bool IsExcluded(IMethodSymbol method, ITypeSymbol? receiverType)
    {
        if (IsTypeExcluded(receiverType) || IsTypeExcluded(method.ContainingType))
        {
            return true;
        }

        // An override has the name of the method it overrides: a name no entry has needs no documentation id.
        if (!_methodNames.Contains(method.Name))
        {
            return false;
        }

        // An override is excluded with the method it overrides.
        for (var current = (method.ReducedFrom ?? method).OriginalDefinition; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
        {
            if (IsMethodExcluded(current.GetDocumentationCommentId()))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsMethodExcluded(string? id)
    {
        if (id is null || id.Length < 3)
        {
            return false;
        }

        // "M:N.T.Name(args)" and "M:N.T.Name``1(args)" both match the entry "M:N.T.Name".
        var body = id.Substring(2);
        if (_methods.Contains(body))
        {
            return true;
        }

        var end = body.IndexOf('(');
        var name = end < 0 ? body : body.Substring(0, end);
        var generic = name.IndexOf("``", StringComparison.Ordinal);
        return _methods.Contains(generic < 0 ? name : name.Substring(0, generic));
    }

    public bool IsTypeExcluded(ITypeSymbol? type)
    {
        if (_types.Count == 0)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!_typeNames.Contains(current.Name))
            {
                continue;
            }

            var id = current.OriginalDefinition.GetDocumentationCommentId();
            if (id is not null && id.Length > 2 && _types.Contains(id.Substring(2)))
            {
                return true;
            }
        }

        return false;
    }
}
