using AiLab.Torch.Serialization;

namespace AiLab.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public abstract partial class Module
        {
            /// <summary>
            /// Saves <see cref="state_dict"/> (parameters and persistent buffers) to <paramref name="path"/> in the
            /// safetensors format, atomically. Returns this module.
            /// </summary>
            public Module save(string path, IReadOnlyDictionary<string, string>? metadata = null)
            {
                using var scope = NewDisposeScope();
                SafeTensors.Save(state_dict(), path, metadata);
                return this;
            }

            /// <summary>
            /// Loads parameters and buffers saved by <see cref="save"/> (or Python's safetensors) into this module's
            /// existing tensors (<see cref="load_state_dict"/>). With <paramref name="strict"/>, the file must hold exactly
            /// this module's keys. Shapes must match. Returns this module.
            /// </summary>
            public Module load(string path, bool strict = true)
            {
                using var scope = NewDisposeScope();
                var state = SafeTensors.Load(path);
                try
                {
                    load_state_dict(state, strict);
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException($"{path} does not fit this {GetName}: {e.Message}", e);
                }
                return this;
            }
        }
    }
}
