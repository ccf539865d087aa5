// A network printed the way a lecturer draws it: widths, activations and parameter counts.
import { parameterCount, type Network } from './network';

/** A readable summary of a network's architecture, one line per layer, e.g. for console.log(describe(net)). */
export function describe(net: Network): string {
  const widths = net.sizes.join(' → ');
  const total = parameterCount(net);
  const lines = [`MLP ${widths}  (${net.layers.length} dense layers, ${total.toLocaleString('en-US')} parameters, ${net.dtype})`];
  net.layers.forEach((layer, l) => {
    const kind = l === net.layers.length - 1 ? 'output' : `hidden ${l + 1}`;
    const count = layer.weights.length + layer.bias.length;
    lines.push(
      `  ${kind.padEnd(9)} ${`${layer.inputSize} → ${layer.outputSize}`.padEnd(11)} ${layer.activation.name.padEnd(10)} ` +
        `W ${layer.inputSize}×${layer.outputSize} + b ${layer.outputSize} = ${count} parameters`,
    );
  });
  return lines.join('\n');
}
