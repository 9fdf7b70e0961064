/** The markers that the jasyncio processor reads. */
module dev.jasyncio.annotations {
    exports dev.jasyncio.annotations;
}
