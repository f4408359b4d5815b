using System.Threading.Tasks;
using GreedyTasks.Analyzers;
using GreedyTasks.CodeFixes;
using VerifyCS = GreedyTasks.Tests.Verifiers.CSharpCodeFixVerifier<GreedyTasks.Analyzers.BlockingWaitAnalyzer, GreedyTasks.CodeFixes.BlockingWaitCodeFixProvider>;

namespace GreedyTasks.Tests;

public class SmokeTests
{
    [Fact]
    public Task Result_fix()
    {
        return VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<string> t, Task<string> u)
                {
                    var s = {|GT0001:t.Result|};
                    await Task.Yield();
                    return {|GT0001:u.Result|}.Length;
                }
            }
            """, """
            using System.Threading.Tasks;
            class C
            {
                async Task<int> M(Task<string> t, Task<string> u)
                {
                    var s = await t;
                    await Task.Yield();
                    return (await u).Length;
                }
            }
            """);
    }

    [Fact]
    public Task Top_level()
    {
        return new VerifyCS.Test { TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication }, TestCode = """
            using System.Threading.Tasks;
            var t = Task.Run(() => 1);
            await Task.Yield();
            System.Console.WriteLine({|GT0001:t.Result|});
            """ }.RunAsync();
    }
}
