namespace Parallax.Nlp.Documents;

/// <summary>
/// Names a layer of a <see cref="Document"/>. Keys compare by reference: declare each once as a static field
/// (see <see cref="Layers"/>). Stages list keys in <c>Requires</c> and <c>Assigns</c>.
/// </summary>
public abstract class AnnotationKey
{
    private protected AnnotationKey(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>Stable, human-readable layer name; also the layer's name in exports.</summary>
    public string Name { get; }

    /// <summary>The CLR type of the layer's value.</summary>
    public abstract Type ValueType { get; }

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A typed layer key: the value stored under it is a <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The layer's value type; should be immutable so a finished document is thread-safe.</typeparam>
public sealed class AnnotationKey<T> : AnnotationKey where T : notnull
{
    /// <summary>Declares a key; call once per layer and keep it in a static field.</summary>
    public AnnotationKey(string name) : base(name) { }

    /// <inheritdoc />
    public override Type ValueType => typeof(T);
}
