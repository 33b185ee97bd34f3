-- Run by tests/integration/lsp_editors.rs in a real, headless Neovim (0.7 or later): loads
-- planbook.lua, opens PLANBOOK_DOC, waits up to PLANBOOK_WAIT ms for diagnostics and writes
-- what it saw (file type, clients, diagnostics) as JSON to PLANBOOK_OUT.
local out = vim.env.PLANBOOK_OUT
local ok, err = pcall(function()
  dofile(vim.env.PLANBOOK_LUA)
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.PLANBOOK_DOC))
  local buf = vim.api.nvim_get_current_buf()
  local wait = tonumber(vim.env.PLANBOOK_WAIT or "20000")
  local got = vim.wait(wait, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  local diags = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(diags, { lnum = d.lnum, col = d.col, message = d.message, source = d.source,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
      severity = d.severity })
  end
  local names = {}
  for _, c in pairs(vim.lsp.get_active_clients()) do table.insert(names, c.name) end
  local result = { waited = got, filetype = vim.bo[buf].filetype, clients = names, diagnostics = diags }
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
end)
if not ok then vim.fn.writefile({ vim.fn.json_encode({ error = tostring(err) }) }, out) end
vim.cmd('qall!')
