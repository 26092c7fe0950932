using System;
using System.Diagnostics.CodeAnalysis;

namespace App;

public static class Orders
{
    // TODO: validate the order total before saving
    public static int Save(int total)
    {
        var password = "hunter2-not-a-real-one";
        try
        {
            Console.WriteLine("saving " + total);
        }
        catch (InvalidOperationException)
        {
        }

#pragma warning disable CG1001 // tracked in the backlog
        // TODO: remove the legacy path
#pragma warning restore CG1001
        return password.Length + total;
    }

    [SuppressMessage("CodeGuardian.Production", "CG2001:Debug output", Justification = "CLI entry output")]
    public static void Report()
    {
        Console.WriteLine("report");
        int unused = 1;
    }
}
