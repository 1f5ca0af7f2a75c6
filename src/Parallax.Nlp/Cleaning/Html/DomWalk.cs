using AngleSharp.Dom;

namespace Parallax.Nlp.Cleaning.Html;

/// <summary>
/// Document-order traversal without recursion: badly nested pages can be thousands of levels deep,
/// which would overflow the stack of a recursive walk.
/// </summary>
internal static class DomWalk
{
    /// <summary>Calls <paramref name="enter"/> for every node under <paramref name="root"/> (root included) in
    /// document order; when it returns false the node's children are skipped. <paramref name="exit"/> is called
    /// for every entered node after its children.</summary>
    public static void Walk(INode root, Func<INode, bool> enter, Action<INode> exit)
    {
        INode node = root;
        while (true)
        {
            if (enter(node) && node.FirstChild is { } child)
            {
                node = child;
                continue;
            }
            exit(node);
            while (true)
            {
                if (ReferenceEquals(node, root)) return;
                if (node.NextSibling is { } next)
                {
                    node = next;
                    break;
                }
                node = node.Parent!;
                exit(node);
            }
        }
    }
}
