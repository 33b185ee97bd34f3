-- planbook's language server in Neovim: `planbook lsp` for the YAML and Markdown files of a
-- repository that holds a planbook.yaml. Put this file in ~/.config/nvim/plugin/ (or `require`
-- it from init.lua). Neovim 0.11 and later use vim.lsp.config; 0.8 to 0.10 vim.lsp.start;
-- 0.7 vim.lsp.start_client. Set vim.g.planbook_cmd to run another program, e.g.
-- { 'planbook', 'lsp', '--lang', 'en' } for English messages.

local cmd = vim.g.planbook_cmd or { 'planbook', 'lsp' }
local filetypes = { 'yaml', 'markdown' }

if vim.fn.has('nvim-0.11') == 1 then
  vim.lsp.config('planbook', {
    cmd = cmd,
    filetypes = filetypes,
    root_markers = { 'planbook.yaml' },
  })
  vim.lsp.enable('planbook')
  return
end

-- The folder above `file` that holds planbook.yaml, or nil.
local function root_of(file)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  if vim.fs and vim.fs.find then
    local found = vim.fs.find({ 'planbook.yaml' }, { upward = true, path = dir })[1]
    return found and vim.fs.dirname(found)
  end
  local found = vim.fn.findfile('planbook.yaml', dir .. ';')
  return found ~= '' and vim.fn.fnamemodify(found, ':p:h') or nil
end

local clients = {} -- Neovim 0.7: one client per repository, by its root

vim.api.nvim_create_autocmd('FileType', {
  pattern = filetypes,
  group = vim.api.nvim_create_augroup('planbook', { clear = true }),
  callback = function(args)
    local root = root_of(vim.api.nvim_buf_get_name(args.buf))
    if not root then
      return
    end
    if vim.lsp.start then -- 0.8 to 0.10: reuses the client of the same name and root
      vim.lsp.start({ name = 'planbook', cmd = cmd, root_dir = root }, { bufnr = args.buf })
      return
    end
    local id = clients[root]
    if not id or not vim.lsp.get_client_by_id(id) then
      id = vim.lsp.start_client({ name = 'planbook', cmd = cmd, root_dir = root })
      clients[root] = id
    end
    if id then
      vim.lsp.buf_attach_client(args.buf, id)
    end
  end,
})
