namespace AiLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class utils
        {
            /// <summary>
            /// The parameters flattened and concatenated into one new 1-D tensor (in order), e.g. to measure the
            /// distance between two models' weights. All parameters must be on one device.
            /// </summary>
            public static Tensor parameters_to_vector(IEnumerable<Tensor> parameters)
            {
                var list = OnOneDevice(parameters);
                using var scope = NewDisposeScope();
                return cat(list.Select(p => p.view(-1)).ToList()).MoveToOuterDisposeScope();
            }

            /// <summary>
            /// Makes the parameters views of consecutive slices of <paramref name="vec"/> (PyTorch's
            /// <c>param.data = vec[a:b].view_as(param)</c>): they keep their identity and autograd role, take the
            /// vector's values, and share its storage. <paramref name="vec"/> must hold exactly as many elements
            /// as the parameters together.
            /// </summary>
            public static void vector_to_parameters(Tensor vec, IEnumerable<Tensor> parameters)
            {
                ArgumentNullException.ThrowIfNull(vec);
                var list = OnOneDevice(parameters);
                var total = list.Sum(p => p.numel());
                if (vec.dim() != 1 || vec.numel() != total)
                    throw new ArgumentException(
                        $"vector_to_parameters: vec must be a vector of {total} elements (the parameters' total), got shape [{string.Join(", ", vec.shape)}]", nameof(vec));
                using var scope = NewDisposeScope();
                var pointer = 0L;
                foreach (var p in list)
                {
                    var count = p.numel();
                    p.set_data(vec.narrow(0, pointer, count).view_as(p).detach());
                    pointer += count;
                }
            }

            private static List<Tensor> OnOneDevice(IEnumerable<Tensor> parameters)
            {
                ArgumentNullException.ThrowIfNull(parameters);
                var list = parameters.ToList();
                var devices = list.Select(p => p.device.ToString()).Distinct().ToList();
                if (devices.Count > 1)
                    throw new ArgumentException($"Found parameters on different devices ({string.Join(", ", devices)}); this is not supported", nameof(parameters));
                return list;
            }
        }
    }
}
