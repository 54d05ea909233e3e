/** The recurrent layers (registered for model files on import) and their per-step traces. */
import './register';

export { RecurrentLayer, type RecurrentOptions, type RecurrentTrace } from './base';
export { SimpleRNN } from './rnn';
export { LSTM, LSTM_GATES, type LSTMOptions } from './lstm';
export { GRU, GRU_GATES, type GRUOptions } from './gru';
