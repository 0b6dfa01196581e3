"""The returns dialog's parts (issue 11): the units stepper, the purchase's lines as a table of
choices, the return without a receipt and the words the flow shares."""
