using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace EntityResolver.Tests.Api;

/// <summary>
/// Describes the public surface of an assembly as sorted lines of C#-like declarations: every
/// public (and protected, on unsealed types) type and member, with parameter names, defaults and
/// nullability. Used to record the API in a committed file so that any change shows in review.
/// </summary>
internal static class PublicApi
{
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<string> Describe(Assembly assembly) => Describe(assembly.GetExportedTypes());

    /// <summary>Types in ordinal order of their full names; each type's declaration, then its members in ordinal order.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<Type> types)
    {
        var lines = new List<string>();
        foreach (Type type in types.OrderBy(t => TypeName(t, fullName: true), StringComparer.Ordinal))
        {
            string typeName = TypeName(type, fullName: true);
            lines.Add(TypeDeclaration(type, typeName));
            var members = new List<string>();
            if (type.IsEnum)
            {
                foreach (FieldInfo f in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                {
                    members.Add($"{typeName}.{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), CultureInfo.InvariantCulture)}");
                }
            }
            else if (!typeof(Delegate).IsAssignableFrom(type))
            {
                foreach (MemberInfo member in type.GetMembers(Members))
                {
                    if (Member(member) is { } declaration)
                    {
                        members.Add($"{typeName}: {declaration}");
                    }
                }
            }

            members.Sort(StringComparer.Ordinal);
            lines.AddRange(members);
        }

        return lines;
    }

    /// <summary>The differences between the recorded and the actual lines: "- removed" and "+ added".</summary>
    public static IReadOnlyList<string> Diff(IReadOnlyList<string> approved, IReadOnlyList<string> actual)
    {
        var before = new HashSet<string>(approved, StringComparer.Ordinal);
        var after = new HashSet<string>(actual, StringComparer.Ordinal);
        return
        [
            .. approved.Where(l => !after.Contains(l)).Select(l => "- " + l),
            .. actual.Where(l => !before.Contains(l)).Select(l => "+ " + l),
        ];
    }

    private static string TypeDeclaration(Type type, string name)
    {
        string kind = type.IsEnum ? "enum"
            : type.IsInterface ? "interface"
            : typeof(Delegate).IsAssignableFrom(type) ? "delegate"
            : type.IsValueType ? (IsRecord(type) ? "record struct" : "struct")
            : IsRecord(type) ? "record"
            : "class";
        string modifiers = type.IsClass && type.IsAbstract && type.IsSealed ? "static "
            : type.IsClass && type.IsSealed && !typeof(Delegate).IsAssignableFrom(type) ? "sealed "
            : type.IsClass && type.IsAbstract ? "abstract "
            : string.Empty;
        var bases = new List<string>();
        if (type.IsClass && type.BaseType is { } b && b != typeof(object) && !typeof(Delegate).IsAssignableFrom(type))
        {
            bases.Add(TypeName(b, fullName: true));
        }

        if (type.IsEnum)
        {
            bases.Add(TypeName(Enum.GetUnderlyingType(type), fullName: true));
        }
        else
        {
            bases.AddRange(type.GetInterfaces().Select(i => TypeName(i, fullName: true)).Order(StringComparer.Ordinal));
        }

        string attributes = type.IsDefined(typeof(ObsoleteAttribute)) ? "[Obsolete] " : string.Empty;
        return $"{attributes}public {modifiers}{kind} {name}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty)}";
    }

    private static string? Member(MemberInfo member) => member switch
    {
        ConstructorInfo c when Visible(c) && !c.IsStatic => $"{Access(c)}ctor({Parameters(c.GetParameters())})",
        MethodInfo m when Visible(m) && IsDeclaredMethod(m) => Method(m),
        PropertyInfo p => Property(p),
        FieldInfo f when Visible(f) && !f.IsSpecialName => Field(f),
        EventInfo e when e.AddMethod is { } add && Visible(add) => $"{Access(add)}{(add.IsStatic ? "static " : string.Empty)}event {TypeName(e.EventHandlerType!, fullName: true)} {e.Name}",
        _ => null,
    };

    private static bool Visible(MethodBase m) => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly;

    private static bool Visible(FieldInfo f) => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly;

    private static string Access(MethodBase m) => m.IsPublic ? string.Empty : "protected ";

    private static bool IsDeclaredMethod(MethodInfo m) =>
        (!m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal)) && !m.Name.Contains('<', StringComparison.Ordinal);

    private static string Method(MethodInfo m)
    {
        var context = new NullabilityInfoContext();
        string modifiers = Modifiers(m);
        string generic = m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;
        string extension = m.IsDefined(typeof(ExtensionAttribute)) ? "this " : string.Empty;
        string returns = TypeName(m.ReturnType, fullName: true, context.Create(m.ReturnParameter));
        return $"{Access(m)}{modifiers}{returns} {m.Name}{generic}({extension}{Parameters(m.GetParameters())})";
    }

    private static string Modifiers(MethodInfo m) =>
        m.IsStatic ? "static "
        : m.IsAbstract ? "abstract "
        : m.IsVirtual && !m.IsFinal && m.GetBaseDefinition().DeclaringType == m.DeclaringType ? "virtual "
        : m.IsVirtual && m.GetBaseDefinition().DeclaringType != m.DeclaringType ? "override "
        : string.Empty;

    private static string? Property(PropertyInfo p)
    {
        MethodInfo? get = p.GetMethod is { } g && Visible(g) ? g : null;
        MethodInfo? set = p.SetMethod is { } s && Visible(s) ? s : null;
        if ((get is null && set is null) || p.Name.Contains('<', StringComparison.Ordinal))
        {
            return null;
        }

        MethodInfo any = get ?? set!;
        var context = new NullabilityInfoContext();
        string accessors = (get is null ? string.Empty : Access(get) + "get; ")
            + (set is null ? string.Empty : Access(set) + (IsInit(set) ? "init; " : "set; "));
        ParameterInfo[] index = p.GetIndexParameters();
        string name = index.Length == 0 ? p.Name : $"this[{Parameters(index)}]";
        return $"{(get is not null && set is not null && !get.IsPublic ? "protected " : string.Empty)}{Modifiers(any)}{TypeName(p.PropertyType, fullName: true, context.Create(p))} {name} {{ {accessors}}}";
    }

    private static bool IsInit(MethodInfo setter) => setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static string Field(FieldInfo f)
    {
        var context = new NullabilityInfoContext();
        string type = TypeName(f.FieldType, fullName: true, context.Create(f));
        string access = f.IsPublic ? string.Empty : "protected ";
        if (f.IsLiteral)
        {
            return $"{access}const {type} {f.Name} = {Literal(f.GetRawConstantValue())}";
        }

        return $"{access}{(f.IsStatic ? "static " : string.Empty)}{(f.IsInitOnly ? "readonly " : string.Empty)}{type} {f.Name}";
    }

    private static string Parameters(ParameterInfo[] parameters)
    {
        var context = new NullabilityInfoContext();
        var sb = new StringBuilder();
        foreach (ParameterInfo p in parameters)
        {
            if (sb.Length > 0)
            {
                sb.Append(", ");
            }

            Type type = p.ParameterType;
            if (type.IsByRef)
            {
                sb.Append(p.IsOut ? "out " : p.IsIn ? "in " : "ref ");
            }
            else if (p.IsDefined(typeof(ParamArrayAttribute)))
            {
                sb.Append("params ");
            }

            sb.Append(TypeName(type, fullName: true, context.Create(p))).Append(' ').Append(p.Name);
            if (p.HasDefaultValue)
            {
                sb.Append(" = ").Append(Literal(p.RawDefaultValue));
            }
        }

        return sb.ToString();
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        char c => "'" + c + "'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "null",
    };

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null
        || (type.IsValueType && type.GetMethod("PrintMembers", BindingFlags.NonPublic | BindingFlags.Instance) is not null);

    private static string TypeName(Type type, bool fullName, NullabilityInfo? nullability = null)
    {
        if (type.IsByRef)
        {
            return TypeName(type.GetElementType()!, fullName, nullability);
        }

        if (type.IsArray)
        {
            string element = TypeName(type.GetElementType()!, fullName, nullability?.ElementType);
            return element + "[]" + (nullability?.ReadState == NullabilityState.Nullable ? "?" : string.Empty);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return TypeName(underlying, fullName) + "?";
        }

        string name = Keyword(type) ?? (type.IsGenericParameter ? type.Name : fullName ? FullName(type) : type.Name);
        if (type.IsGenericType)
        {
            name = name[..name.IndexOf('`', StringComparison.Ordinal)];
            Type[] args = type.GetGenericArguments();
            NullabilityInfo[]? argNullability = nullability?.GenericTypeArguments;
            name += "<" + string.Join(", ", args.Select((a, i) => TypeName(a, fullName, argNullability is { } n && i < n.Length ? n[i] : null))) + ">";
        }

        bool nullable = !type.IsValueType && nullability is { } info && (info.ReadState == NullabilityState.Nullable || (info.ReadState == NullabilityState.Unknown && info.WriteState == NullabilityState.Nullable));
        return nullable ? name + "?" : name;
    }

    private static string FullName(Type type) =>
        type.IsNested ? FullName(type.DeclaringType!) + "." + type.Name : (type.Namespace is null ? type.Name : type.Namespace + "." + type.Name);

    private static string? Keyword(Type type) =>
        type == typeof(void) ? "void"
        : type == typeof(string) ? "string"
        : type == typeof(object) ? "object"
        : type == typeof(bool) ? "bool"
        : type == typeof(int) ? "int"
        : type == typeof(long) ? "long"
        : type == typeof(double) ? "double"
        : type == typeof(float) ? "float"
        : type == typeof(char) ? "char"
        : type == typeof(byte) ? "byte"
        : null;
}
