namespace AiLab.Torch;

// C# operators forward to the named ops (Python's __add__, __lt__, ...).
public partial class Tensor
{
    /// <summary>Elementwise sum.</summary>
    public static Tensor operator +(Tensor left, Tensor right) => left.add(right);
    /// <summary>Sum with a number.</summary>
    public static Tensor operator +(Tensor left, Scalar right) => left.add(right);
    /// <summary>Sum with a number.</summary>
    public static Tensor operator +(Scalar left, Tensor right) => right.add(left);
    /// <summary>Elementwise difference.</summary>
    public static Tensor operator -(Tensor left, Tensor right) => left.sub(right);
    /// <summary>Difference with a number.</summary>
    public static Tensor operator -(Tensor left, Scalar right) => left.sub(right);
    /// <summary>A number minus a tensor.</summary>
    public static Tensor operator -(Scalar left, Tensor right) => right.rsub(left);
    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor tensor) => tensor.neg();
    /// <summary>Elementwise product.</summary>
    public static Tensor operator *(Tensor left, Tensor right) => left.mul(right);
    /// <summary>Product with a number.</summary>
    public static Tensor operator *(Tensor left, Scalar right) => left.mul(right);
    /// <summary>Product with a number.</summary>
    public static Tensor operator *(Scalar left, Tensor right) => right.mul(left);
    /// <summary>Elementwise true division.</summary>
    public static Tensor operator /(Tensor left, Tensor right) => left.div(right);
    /// <summary>Division by a number.</summary>
    public static Tensor operator /(Tensor left, Scalar right) => left.div(right);
    /// <summary>A number divided by a tensor.</summary>
    public static Tensor operator /(Scalar left, Tensor right)
    {
        using var reciprocal = right.reciprocal();
        return reciprocal.mul(left);
    }
    /// <summary>Python-style modulus.</summary>
    public static Tensor operator %(Tensor left, Tensor right) => left.remainder(right);
    /// <summary>Python-style modulus.</summary>
    public static Tensor operator %(Tensor left, Scalar right) => left.remainder(right);

    /// <summary>Elementwise &lt;.</summary>
    public static Tensor operator <(Tensor left, Tensor right) => left.lt(right);
    /// <summary>Elementwise &gt;.</summary>
    public static Tensor operator >(Tensor left, Tensor right) => left.gt(right);
    /// <summary>Elementwise ≤.</summary>
    public static Tensor operator <=(Tensor left, Tensor right) => left.le(right);
    /// <summary>Elementwise ≥.</summary>
    public static Tensor operator >=(Tensor left, Tensor right) => left.ge(right);
    /// <summary>Elementwise &lt;.</summary>
    public static Tensor operator <(Tensor left, Scalar right) => left.lt(right);
    /// <summary>Elementwise &gt;.</summary>
    public static Tensor operator >(Tensor left, Scalar right) => left.gt(right);
    /// <summary>Elementwise ≤.</summary>
    public static Tensor operator <=(Tensor left, Scalar right) => left.le(right);
    /// <summary>Elementwise ≥.</summary>
    public static Tensor operator >=(Tensor left, Scalar right) => left.ge(right);

    /// <summary>Bitwise (for bool tensors: logical) and.</summary>
    public static Tensor operator &(Tensor left, Tensor right) => left.bitwise_and(right);
    /// <summary>Bitwise (for bool tensors: logical) or.</summary>
    public static Tensor operator |(Tensor left, Tensor right) => left.bitwise_or(right);
    /// <summary>Bitwise (for bool tensors: logical) xor.</summary>
    public static Tensor operator ^(Tensor left, Tensor right) => left.bitwise_xor(right);
    /// <summary>Bitwise (for bool tensors: logical) not.</summary>
    public static Tensor operator ~(Tensor tensor) => tensor.bitwise_not();
}
