namespace EntityResolver; /// <summary>x</summary>
public static class Placeholder { }
