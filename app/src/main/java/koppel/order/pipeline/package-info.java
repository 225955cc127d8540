/**
 * The booking pipeline, one class per step, in the order they run: {@link
 * koppel.order.pipeline.Processability} (book, wait or skip?), {@link
 * koppel.order.pipeline.PreChecks}, {@link koppel.order.pipeline.CustomerStep}, {@link
 * koppel.order.pipeline.ProductsStep}, {@link koppel.order.pipeline.DocumentStep} (with the
 * exactly-once protocol) and {@link koppel.order.pipeline.MarkBooked}; {@link
 * koppel.order.pipeline.OrderPipeline} runs them.
 */
package koppel.order.pipeline;
